package dk.skp.staff.repository;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/**
 * Plain JDBC on the transaction's connection, for the reads of lists where Hibernate costs more than it gives (columns,
 * not entities; no query translated or result typed anew at every page): the one place that binds a statement's
 * parameters and reads its rows. An {@link Instant} is bound as a timestamp with time zone in UTC; an {@link #array}
 * as one SQL array ({@code = ANY (?)}), so that a statement's text is the same for any number of values and the driver
 * and PostgreSQL prepare it once. It reads the database as it is: changes the session has not flushed yet are not in
 * it (the lists read in transactions that change no concern).
 */
public final class Jdbc {

    /** Reads one row of a result: the current one, never moving the cursor. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A parameter bound as one SQL array of {@code type} (a PostgreSQL type name: uuid, text). */
    public record SqlArray(String type, Collection<?> values) {
    }

    private Jdbc() {
    }

    public static SqlArray array(String type, Collection<?> values) {
        return new SqlArray(type, values);
    }

    /** The rows of {@code sql} with its positional parameters {@code params}, each read by {@code row}. */
    public static <T> List<T> query(EntityManager em, String sql, List<?> params, Row<T> row) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, bindable(connection, params.get(i)));
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(row.read(result));
                    }
                }
                return rows;
            }
        });
    }

    /** Every column of the row, each as the driver gives it. */
    public static Object[] columns(ResultSet row) throws SQLException {
        Object[] columns = new Object[row.getMetaData().getColumnCount()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = row.getObject(i + 1);
        }
        return columns;
    }

    private static Object bindable(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof SqlArray array) {
            return connection.createArrayOf(array.type(), array.values().toArray());
        }
        return value;
    }
}
