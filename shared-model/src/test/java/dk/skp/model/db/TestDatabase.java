package dk.skp.model.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away database on the real PostgreSQL server (the one SKP_DB_HOST/SKP_DB_PORT point at, 127.0.0.1:5432
 * by default), set up by the same bootstrap that production uses. Every test class that needs one gets its own,
 * so tests never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {

    private final DatabaseSettings settings;

    private TestDatabase(DatabaseSettings settings) {
        this.settings = settings;
    }

    public static TestDatabase create(String purpose) {
        return create(purpose, DatabaseSettings.fromEnvironment());
    }

    /** A throw-away database on the server (host, port, roles) of {@code server}, e.g. one a test started itself. */
    public static TestDatabase create(String purpose, DatabaseSettings server) {
        String name = ("skp_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        DatabaseSettings settings = server.withDatabase(name);
        try {
            DatabaseBootstrap.run(settings);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need a PostgreSQL server at " + settings.host() + ":" + settings.port()
                    + " with superuser " + settings.adminUser() + " (set SKP_DB_HOST, SKP_DB_PORT, SKP_DB_ADMIN_USER, "
                    + "SKP_DB_ADMIN_PASSWORD): " + e.getMessage(), e);
        }
        return new TestDatabase(settings);
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Connection admin() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.adminUser(), settings.adminPassword());
    }

    public Connection asStaff() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.staffUser(), settings.staffPassword());
    }

    public Connection asIntake() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.intakeUser(), settings.intakePassword());
    }

    @Override
    public void close() {
        if (Boolean.getBoolean("skp.test.keepDatabases")) {
            return;
        }
        try {
            DatabaseBootstrap.dropDatabase(settings, settings.database());
        } catch (SQLException e) {
            System.err.println("could not drop test database " + settings.database() + ": " + e.getMessage());
        }
    }
}
