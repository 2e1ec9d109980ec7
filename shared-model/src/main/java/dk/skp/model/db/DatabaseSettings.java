package dk.skp.model.db;

import java.util.Map;

/**
 * Where the database is and which roles the services use. Read from the same environment variables the services
 * read ({@code SKP_DB_HOST}, {@code SKP_DB_PORT}, ...), so set-up, tests and services always agree.
 */
public record DatabaseSettings(String host, int port, String database, String adminUser, String adminPassword,
        String intakeUser, String intakePassword, String staffUser, String staffPassword) {

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv());
    }

    public static DatabaseSettings from(Map<String, String> env) {
        return new DatabaseSettings(
                env.getOrDefault("SKP_DB_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("SKP_DB_PORT", "5432")),
                env.getOrDefault("SKP_DB_NAME", "skp"),
                env.getOrDefault("SKP_DB_ADMIN_USER", "postgres"),
                env.getOrDefault("SKP_DB_ADMIN_PASSWORD", ""),
                env.getOrDefault("SKP_DB_INTAKE_USER", "skp_intake"),
                env.getOrDefault("SKP_DB_INTAKE_PASSWORD", "skp_intake"),
                env.getOrDefault("SKP_DB_STAFF_USER", "skp_staff"),
                env.getOrDefault("SKP_DB_STAFF_PASSWORD", "skp_staff"));
    }

    public DatabaseSettings withDatabase(String name) {
        return new DatabaseSettings(host, port, name, adminUser, adminPassword, intakeUser, intakePassword, staffUser,
                staffPassword);
    }

    public DatabaseSettings withPort(int newPort) {
        return new DatabaseSettings(host, newPort, database, adminUser, adminPassword, intakeUser, intakePassword,
                staffUser, staffPassword);
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }
}
