package dk.skp.model.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void oneServerByDefault() {
        DatabaseSettings s = DatabaseSettings.from(Map.of("SKP_DB_HOST", "db.example", "SKP_DB_PORT", "6543"));
        assertEquals("db.example:6543", s.hosts());
        assertEquals("jdbc:postgresql://db.example:6543/skp?targetServerType=primary&hostRecheckSeconds=2", s.jdbcUrl());
    }

    @Test
    void severalServersReplaceHostAndPort() {
        DatabaseSettings s = DatabaseSettings.from(Map.of("SKP_DB_HOST", "ignored", "SKP_DB_PORT", "1",
                "SKP_DB_HOSTS", "a.example:5440,b.example:5441", "SKP_DB_NAME", "other"));
        assertEquals("a.example", s.host());
        assertEquals(5440, s.port());
        assertEquals("jdbc:postgresql://a.example:5440,b.example:5441/other?targetServerType=primary&hostRecheckSeconds=2",
                s.jdbcUrl());
        assertEquals("a.example:5440,b.example:5441", s.withDatabase("x").hosts());
    }

    @Test
    void aListWithoutPortsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.from(Map.of("SKP_DB_HOSTS", "a.example,b.example")));
    }

    @Test
    void aServerThatIsDownIsPassedOverForTheNextInTheList() throws Exception {
        // The real server (as the tests use it) second, after a port nobody listens on: the connection finds it.
        DatabaseSettings real = DatabaseSettings.fromEnvironment();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SKP_DB_HOSTS", "127.0.0.1:" + closed + "," + real.hosts());
        DatabaseSettings both = DatabaseSettings.from(env);
        try (Connection c = DriverManager.getConnection(both.jdbcUrl("postgres"), both.adminUser(), both.adminPassword());
                Statement sql = c.createStatement();
                ResultSet row = sql.executeQuery("SELECT pg_is_in_recovery()")) {
            row.next();
            assertEquals(false, row.getBoolean(1));
        }
    }
}
