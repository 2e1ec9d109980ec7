package dk.skp.model.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The queue's tables, kept with the code that uses them. The consumer's migration tool applies each step once
 * (staff-api wraps them in Flyway Java migrations); the library's own tests apply them to a scratch database.
 */
public final class QueueSchema {

    /** Creates the tables of schema {@code exchange} (reporter status, partner keys) that intake and staff share. */
    public static void createExchangeV1(Connection connection, String producerRole) throws SQLException {
        apply(connection, "/dk/skp/model/exchange/V1__exchange.sql", producerRole);
    }

    /**
     * Adds {@code exchange.reporter_question}: the team's question to a reporter, which intake may show and mark
     * answered, and nothing more.
     */
    public static void createExchangeV2(Connection connection, String producerRole) throws SQLException {
        apply(connection, "/dk/skp/model/exchange/V2__reporter_question.sql", producerRole);
    }

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private QueueSchema() {
    }

    /** Creates the queue in the existing schema {@code queue}; {@code producerRole} may only enqueue. */
    public static void createV1(Connection connection, String producerRole) throws SQLException {
        apply(connection, "V1__queue.sql", producerRole);
    }

    private static void apply(Connection connection, String script, String producerRole) throws SQLException {
        if (!ROLE_NAME.matcher(producerRole).matches()) {
            throw new IllegalArgumentException("not a plain role name: " + producerRole);
        }
        String sql = resource(script).replace("${producer_role}", producerRole);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String resource(String name) {
        try (InputStream in = QueueSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("queue schema script missing from the class path: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
