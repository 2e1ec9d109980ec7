package dk.skp.intake;

import dk.skp.model.db.DatabaseSettings;
import dk.skp.model.db.TestDatabase;
import dk.skp.model.queue.QueueSchema;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives the intake service under test its own database on the real PostgreSQL, set up as in production: roles,
 * schemas, and the queue and exchange tables as staff's migrations create them.
 */
public class IntakeDatabase implements QuarkusTestResourceLifecycleManager {

    private static TestDatabase db;

    @Override
    public Map<String, String> start() {
        db = TestDatabase.create("intake");
        try (Connection staff = db.asStaff()) {
            QueueSchema.createV1(staff, db.settings().intakeUser());
            QueueSchema.createExchangeV1(staff, db.settings().intakeUser());
            QueueSchema.createExchangeV2(staff, db.settings().intakeUser());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        DatabaseSettings s = db.settings();
        return Map.of("skp.db.host", s.host(), "skp.db.port", String.valueOf(s.port()), "skp.db.name", s.database(),
                "skp.db.intake-user", s.intakeUser(), "skp.db.intake-password", s.intakePassword());
    }

    @Override
    public void stop() {
        db.close();
    }

    public static TestDatabase database() {
        return db;
    }

    /** Concerns on the queue, read with the staff role: intake's own role cannot, which is the point. */
    public static long queued() {
        try (Connection staff = db.asStaff(); Statement sql = staff.createStatement();
                ResultSet row = sql.executeQuery("SELECT count(*) FROM queue.message WHERE topic = 'concern-submitted'")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number from a query run with the staff role. */
    public static long countAsStaff(String query) {
        try (Connection staff = db.asStaff(); Statement sql = staff.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partner with one API key, as a staff admin would create them (with the staff role). */
    public static String addPartner(String id, String defaultRole) {
        String key = dk.skp.model.exchange.Secrets.newApiKey();
        try (Connection staff = db.asStaff(); var insert = staff.prepareStatement("""
                WITH p AS (INSERT INTO exchange.partner (id, name, default_role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING)
                INSERT INTO exchange.partner_key (key_hash, partner_id, key_prefix) VALUES (?, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, "Partner " + id);
            insert.setString(3, defaultRole);
            insert.setString(4, dk.skp.model.exchange.Secrets.sha256(key));
            insert.setString(5, id);
            insert.setString(6, dk.skp.model.exchange.Secrets.displayPrefix(key));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    /** Runs one statement with the staff role (e.g. to publish a status as staff does), returning the row count. */
    public static int asStaff(String sql) {
        try (Connection staff = db.asStaff(); Statement s = staff.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A real outage for the service under test: intake's role loses the right to connect and its sessions are
     * ended; {@code false} lets it back in.
     */
    public static void lockOutIntake(boolean out) {
        dk.skp.model.db.DatabaseSettings s = db.settings();
        try (Connection admin = db.admin(); Statement sql = admin.createStatement()) {
            if (out) {
                sql.execute("REVOKE CONNECT ON DATABASE " + s.database() + " FROM " + s.intakeUser());
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + s.database()
                        + "' AND usename = '" + s.intakeUser() + "'");
            } else {
                sql.execute("GRANT CONNECT ON DATABASE " + s.database() + " TO " + s.intakeUser());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reporters' answers on the queue for one reference, read with the staff role and opened as staff does. */
    public static long answers(String reference) {
        return queuedOpened(dk.skp.model.message.ReporterAnswered.TOPIC).stream()
                .filter(json -> dk.skp.model.message.MessageCodec.decodeAnswer(json).reference().equals(reference))
                .count();
    }

    /**
     * The messages of one topic as staff reads them: with the staff role, opened with staff's (here the development)
     * private keyset.
     */
    public static java.util.List<String> queuedOpened(String topic) {
        java.util.List<String> opened = new java.util.ArrayList<>();
        try (Connection staff = db.asStaff(); var sql = staff.prepareStatement(
                "SELECT id, topic, payload::text FROM queue.message WHERE topic = ? ORDER BY enqueued_at")) {
            sql.setString(1, topic);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    opened.add(open(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return opened;
    }

    /** The newest concern on the queue, opened as staff opens it. */
    public static String lastPayload() {
        try (Connection staff = db.asStaff(); Statement sql = staff.createStatement();
                ResultSet row = sql.executeQuery("SELECT id, topic, payload::text FROM queue.message "
                        + "WHERE topic = 'concern-submitted' ORDER BY enqueued_at DESC LIMIT 1")) {
            return row.next() ? open(row) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest concern on the queue exactly as the row holds it (sealed). */
    public static String lastRawPayload() {
        try (Connection staff = db.asStaff(); Statement sql = staff.createStatement();
                ResultSet row = sql.executeQuery("SELECT payload::text FROM queue.message "
                        + "WHERE topic = 'concern-submitted' ORDER BY enqueued_at DESC LIMIT 1")) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final dk.skp.model.queue.Opener STAFF = dk.skp.model.queue.SealKeys.opener("SKP_SEAL_PRIVATE_KEYSET",
            dk.skp.model.queue.SealKeys.DEVELOPMENT);

    private static String open(ResultSet row) throws SQLException {
        return STAFF.open(new dk.skp.model.queue.QueueMessage(row.getObject(1, java.util.UUID.class), row.getString(2),
                row.getString(3), java.time.Instant.now(), 0));
    }
}
