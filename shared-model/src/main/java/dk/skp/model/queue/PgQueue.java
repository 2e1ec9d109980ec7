package dk.skp.model.queue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A durable message queue in PostgreSQL. Every operation runs on the connection it is given, inside the caller's
 * transaction: a producer enqueues in the same transaction as its own writes, and a consumer claims, handles and
 * completes a message in one transaction, so a message is either fully handled or still there.
 */
public final class PgQueue {

    /** The LISTEN/NOTIFY channel a commit of new messages wakes. */
    public static final String CHANNEL = "skp_queue";
    private static final int MAX_ERROR_LENGTH = 2000;

    private final QueueSettings settings;

    public PgQueue(QueueSettings settings) {
        this.settings = settings;
    }

    public QueueSettings settings() {
        return settings;
    }

    public void enqueue(Connection connection, String topic, UUID id, String payloadJson) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO queue.message (id, topic, payload) VALUES (?, ?, ?::jsonb)")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, payloadJson);
            insert.executeUpdate();
        }
    }

    /**
     * Locks up to {@code limit} due messages for the rest of the caller's transaction. Rows another consumer holds
     * are skipped, not waited for, so consumers never block one another.
     */
    public List<QueueMessage> claim(Connection connection, String topic, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, topic, payload::text, enqueued_at, attempts
                  FROM queue.message
                 WHERE topic = ? AND dead_at IS NULL AND available_at <= now()
                 ORDER BY available_at
                 LIMIT ?
                   FOR UPDATE SKIP LOCKED""")) {
            select.setString(1, topic);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<QueueMessage> claimed = new ArrayList<>(limit);
                while (rows.next()) {
                    claimed.add(new QueueMessage(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getInt(5)));
                }
                return claimed;
            }
        }
    }

    /** Removes handled messages; commits together with whatever the handler wrote. */
    public void complete(Connection connection, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM queue.message WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }

    /**
     * Records a failed delivery: the message comes back after a growing delay, or is parked as dead after
     * {@link QueueSettings#maxAttempts()} failures. Counts once per delivery even if two consumers report it.
     *
     * @param error what went wrong, in words that contain no personal data
     * @return true when the message is now dead
     */
    public boolean fail(Connection connection, QueueMessage message, String error) throws SQLException {
        int failures = message.attempts() + 1;
        boolean dead = failures >= settings.maxAttempts();
        Duration delay = settings.backoffAfter(failures);
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE queue.message
                   SET attempts = ?, last_error = ?,
                       available_at = now() + make_interval(secs => ?),
                       dead_at = CASE WHEN ? THEN now() END
                 WHERE id = ? AND attempts = ? AND dead_at IS NULL""")) {
            update.setInt(1, failures);
            update.setString(2, truncate(error));
            update.setDouble(3, delay.toMillis() / 1000.0);
            update.setBoolean(4, dead);
            update.setObject(5, message.id());
            update.setInt(6, message.attempts());
            update.executeUpdate();
        }
        return dead;
    }

    /** Puts a dead message back in line for immediate delivery with a fresh count of attempts. */
    public boolean replay(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE queue.message SET dead_at = NULL, attempts = 0, available_at = now()
                 WHERE id = ? AND dead_at IS NOT NULL""")) {
            update.setObject(1, id);
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            notify.setString(1, CHANNEL);
            notify.execute();
        }
        return true;
    }

    /**
     * Dead messages, oldest death first, without their payloads.
     *
     * @param topic only this topic, or every topic when null
     */
    public List<DeadMessage> listDead(Connection connection, String topic, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, topic, enqueued_at, attempts, last_error, dead_at
                  FROM queue.message
                 WHERE dead_at IS NOT NULL AND (?::text IS NULL OR topic = ?)
                 ORDER BY dead_at, id
                 LIMIT ?""")) {
            select.setString(1, topic);
            select.setString(2, topic);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<DeadMessage> dead = new ArrayList<>();
                while (rows.next()) {
                    dead.add(dead(rows));
                }
                return dead;
            }
        }
    }

    /** How many dead messages there are, of one topic or (topic null) of all. */
    public long countDead(Connection connection, String topic) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM queue.message WHERE dead_at IS NOT NULL AND (?::text IS NULL OR topic = ?)")) {
            count.setString(1, topic);
            count.setString(2, topic);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** One dead message without its payload, if there is a dead message with this id. */
    public Optional<DeadMessage> findDead(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, topic, enqueued_at, attempts, last_error, dead_at
                  FROM queue.message WHERE id = ? AND dead_at IS NOT NULL""")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(dead(row));
            }
        }
    }

    /**
     * Deletes a dead message for good, e.g. one that can never be handled. Only dead messages: a pending one may be
     * in a consumer's hands right now.
     *
     * @return false when there is no dead message with this id
     */
    public boolean discard(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM queue.message WHERE id = ? AND dead_at IS NOT NULL")) {
            delete.setObject(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * Deletes up to {@code limit} messages that died before {@code cutoff}, oldest first, and says which, oldest first.
     * For retention: a message nobody replayed in that time will not be, and its payload is personal data. Rows another
     * transaction holds (an admin replaying one right now) are skipped. (RETURNING gives rows in the order the DELETE
     * met them, which is the table's, not the sub-select's: the outer ORDER BY is what makes the order.)
     */
    public List<DeadMessage> discardDeadBefore(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                WITH discarded AS (
                    DELETE FROM queue.message WHERE id IN (
                        SELECT id FROM queue.message WHERE dead_at < ? ORDER BY dead_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                    RETURNING id, topic, enqueued_at, attempts, last_error, dead_at)
                SELECT id, topic, enqueued_at, attempts, last_error, dead_at FROM discarded ORDER BY dead_at, id""")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, limit);
            try (ResultSet rows = delete.executeQuery()) {
                List<DeadMessage> discarded = new ArrayList<>();
                while (rows.next()) {
                    discarded.add(dead(rows));
                }
                return discarded;
            }
        }
    }

    private static DeadMessage dead(ResultSet row) throws SQLException {
        return new DeadMessage(row.getObject(1, UUID.class), row.getString(2), row.getTimestamp(3).toInstant(),
                row.getInt(4), row.getString(5), row.getTimestamp(6).toInstant());
    }

    public QueueStats stats(Connection connection, String topic) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE dead_at IS NULL),
                       coalesce(extract(epoch FROM now() - min(enqueued_at) FILTER (WHERE dead_at IS NULL)), 0),
                       count(*) FILTER (WHERE dead_at IS NOT NULL)
                  FROM queue.message WHERE topic = ?""")) {
            select.setString(1, topic);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new QueueStats(row.getLong(1), Duration.ofMillis(Math.round(row.getDouble(2) * 1000)), row.getLong(3));
            }
        }
    }

    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
