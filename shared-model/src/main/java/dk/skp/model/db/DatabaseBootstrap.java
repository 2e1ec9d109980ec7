package dk.skp.model.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Creates what the services need before their own migrations can run: the two login roles, the database and the
 * schemas each role owns. Safe to run again. Needs a superuser (or a role with CREATEROLE and CREATEDB); the
 * services themselves never get more than their own role.
 *
 * <ul>
 * <li>{@code intake} schema, owned by the intake role (its idempotency and outbox tables);</li>
 * <li>{@code staff}, {@code queue} and {@code exchange} schemas, owned by the staff role; staff's migrations grant
 * the intake role INSERT on the queue, and on {@code exchange} only the columns of reporter status and partner keys
 * it needs.</li>
 * <li>the {@code pg_trgm} extension in the {@code staff} schema, for staff's concern search.</li>
 * <li>the {@code audit} schema with staff's audit trail, owned by a role that cannot sign in ({@code <staff role>_audit}):
 * the staff role may add rows and read them, never change, delete or truncate them, nor alter the table. Old rows go
 * only through {@code audit.purge_before}, a function of the owner's that never deletes a row younger than a year,
 * whatever it is asked; the retention schedule calls it. Staff's migration V20 moves the rows of the trail it kept
 * before into it and leaves a view {@code staff.audit_event} in its place.</li>
 * </ul>
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Run as the audit trail's owner; each statement may run again. */
    private static final String AUDIT_TRAIL = """
            CREATE TABLE IF NOT EXISTS audit.audit_event (
                id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                occurred_at timestamptz NOT NULL DEFAULT now(),
                actor       text        NOT NULL,
                actor_roles text        NOT NULL,
                action      text        NOT NULL,
                concern_id  uuid,
                details     jsonb,
                actor_name  text
            );
            CREATE INDEX IF NOT EXISTS audit_event_concern_idx ON audit.audit_event (concern_id, occurred_at)
                WHERE concern_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS audit_event_occurred_idx ON audit.audit_event (occurred_at);
            CREATE INDEX IF NOT EXISTS audit_event_actor_idx ON audit.audit_event (actor, occurred_at, id);
            CREATE OR REPLACE FUNCTION audit.audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit events are append-only';
            END
            $$;
            CREATE OR REPLACE TRIGGER audit_event_no_update BEFORE UPDATE ON audit.audit_event
                FOR EACH ROW EXECUTE FUNCTION audit.audit_event_is_append_only();
            CREATE OR REPLACE FUNCTION audit.purge_before(cutoff timestamptz, max_rows integer) RETURNS integer
                LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                WITH gone AS (
                    DELETE FROM audit.audit_event WHERE id IN (
                        SELECT id FROM audit.audit_event
                        WHERE occurred_at < least(cutoff, now() - interval '1 year')
                        ORDER BY occurred_at LIMIT max_rows)
                    RETURNING 1)
                SELECT count(*)::integer FROM gone
            $$;
            """;

    private DatabaseBootstrap() {
    }

    public static void main(String[] args) throws SQLException {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        run(settings);
        System.out.printf("database %s on %s:%d is ready for roles %s and %s%n", settings.database(), settings.host(),
                settings.port(), settings.intakeUser(), settings.staffUser());
    }

    public static void run(DatabaseSettings s) throws SQLException {
        String auditOwner = auditOwner(s);
        for (String name : new String[] { s.database(), s.intakeUser(), s.staffUser(), auditOwner }) {
            requireIdentifier(name);
        }
        try (Connection admin = DriverManager.getConnection(s.jdbcUrl("postgres"), s.adminUser(), s.adminPassword());
                Statement sql = admin.createStatement()) {
            ensureRole(admin, s.intakeUser(), s.intakePassword());
            ensureRole(admin, s.staffUser(), s.staffPassword());
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", auditOwner)) {
                sql.execute("CREATE ROLE " + auditOwner + " NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", s.database())) {
                sql.execute("CREATE DATABASE " + s.database());
                LOG.infof("created database %s", s.database());
            }
        }
        try (Connection admin = DriverManager.getConnection(s.jdbcUrl(), s.adminUser(), s.adminPassword());
                Statement sql = admin.createStatement()) {
            sql.execute("REVOKE ALL ON DATABASE " + s.database() + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + s.database() + " TO " + s.intakeUser() + ", " + s.staffUser());
            sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            sql.execute("CREATE SCHEMA IF NOT EXISTS intake AUTHORIZATION " + s.intakeUser());
            sql.execute("CREATE SCHEMA IF NOT EXISTS staff AUTHORIZATION " + s.staffUser());
            sql.execute("CREATE SCHEMA IF NOT EXISTS queue AUTHORIZATION " + s.staffUser());
            sql.execute("CREATE SCHEMA IF NOT EXISTS exchange AUTHORIZATION " + s.staffUser());
            // Trigram similarity for staff's concern search. pg_trgm is a trusted extension, but creating one needs
            // CREATE on the database, which the staff role is not given; so it is made here, in staff's schema, where
            // staff's queries and indexes find it. Staff's migration V17 names it too, as a no-op once it exists.
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA staff");
            // The audit trail, out of the staff role's reach: it owns everything else it uses, and an owner can
            // always grant itself back what it was refused.
            sql.execute("CREATE SCHEMA IF NOT EXISTS audit AUTHORIZATION " + auditOwner);
            sql.execute("SET ROLE " + auditOwner);
            try {
                sql.execute(AUDIT_TRAIL);
            } finally {
                sql.execute("RESET ROLE");
            }
            sql.execute("GRANT USAGE ON SCHEMA audit TO " + s.staffUser());
            sql.execute("REVOKE ALL ON audit.audit_event FROM " + s.staffUser());
            sql.execute("GRANT SELECT, INSERT ON audit.audit_event TO " + s.staffUser());
            sql.execute("REVOKE ALL ON FUNCTION audit.purge_before(timestamptz, integer) FROM PUBLIC");
            sql.execute("GRANT EXECUTE ON FUNCTION audit.purge_before(timestamptz, integer) TO " + s.staffUser());
        }
    }

    /** The role that owns staff's audit trail; nobody signs in as it. */
    public static String auditOwner(DatabaseSettings s) {
        return s.staffUser() + "_audit";
    }

    /** Drops a database made for a test run, ending its sessions first. */
    public static void dropDatabase(DatabaseSettings s, String database) throws SQLException {
        requireIdentifier(database);
        try (Connection admin = DriverManager.getConnection(s.jdbcUrl("postgres"), s.adminUser(), s.adminPassword());
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement sql = admin.createStatement()) {
            sql.execute(verb + " ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
                    + literal(password));
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("database and role names must be lower-case identifiers: " + name);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
