package dk.skp.model.db;

import java.util.Map;

/**
 * Where the database is and which roles the services use. Read from the same environment variables the services
 * read ({@code SKP_DB_HOST}, {@code SKP_DB_PORT}, ...), so set-up, tests and services always agree.
 *
 * <p>
 * {@code SKP_DB_HOSTS} ({@code host:port,host:port,...}), when set, names every server of a primary with its standbys
 * and replaces {@code SKP_DB_HOST}/{@code SKP_DB_PORT} (then the first of the list): connections go to whichever of
 * them is the primary ({@code targetServerType=primary}), also after a standby is promoted.
 */
public record DatabaseSettings(String host, int port, String database, String adminUser, String adminPassword,
        String intakeUser, String intakePassword, String staffUser, String staffPassword, String hosts) {

    /**
     * Added to every JDBC URL: connect only to a server that takes writes, and ask again after 2 s (not the driver's
     * 10 s) about a server found down or read-only, so that a promoted standby is found soon after its promotion.
     */
    public static final String PRIMARY_ONLY = "targetServerType=primary&hostRecheckSeconds=2";

    public DatabaseSettings {
        if (hosts == null || hosts.isBlank()) {
            hosts = host + ":" + port;
        }
    }

    public DatabaseSettings(String host, int port, String database, String adminUser, String adminPassword,
            String intakeUser, String intakePassword, String staffUser, String staffPassword) {
        this(host, port, database, adminUser, adminPassword, intakeUser, intakePassword, staffUser, staffPassword, null);
    }

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv());
    }

    public static DatabaseSettings from(Map<String, String> env) {
        String hosts = env.getOrDefault("SKP_DB_HOSTS", "").strip();
        String host = env.getOrDefault("SKP_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(env.getOrDefault("SKP_DB_PORT", "5432"));
        if (!hosts.isEmpty()) {
            String first = hosts.split(",")[0].strip();
            int colon = first.lastIndexOf(':');
            if (colon <= 0 || first.endsWith("]")) {
                throw new IllegalArgumentException("SKP_DB_HOSTS must be host:port,host:port,... (got " + hosts + ")");
            }
            host = first.substring(0, colon);
            port = Integer.parseInt(first.substring(colon + 1));
        }
        return new DatabaseSettings(host, port,
                env.getOrDefault("SKP_DB_NAME", "skp"),
                env.getOrDefault("SKP_DB_ADMIN_USER", "postgres"),
                env.getOrDefault("SKP_DB_ADMIN_PASSWORD", ""),
                env.getOrDefault("SKP_DB_INTAKE_USER", "skp_intake"),
                env.getOrDefault("SKP_DB_INTAKE_PASSWORD", "skp_intake"),
                env.getOrDefault("SKP_DB_STAFF_USER", "skp_staff"),
                env.getOrDefault("SKP_DB_STAFF_PASSWORD", "skp_staff"),
                hosts);
    }

    public DatabaseSettings withDatabase(String name) {
        return new DatabaseSettings(host, port, name, adminUser, adminPassword, intakeUser, intakePassword, staffUser,
                staffPassword, hosts);
    }

    /** The same settings on one server at {@code host:newPort} (a list of several servers is dropped). */
    public DatabaseSettings withPort(int newPort) {
        return new DatabaseSettings(host, newPort, database, adminUser, adminPassword, intakeUser, intakePassword,
                staffUser, staffPassword, null);
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + hosts + "/" + db + "?" + PRIMARY_ONLY;
    }
}
