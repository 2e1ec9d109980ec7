package dk.skp.intake.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** intake.idempotency_record: the first answer to each (partner, Idempotency-Key). */
@ApplicationScoped
public class IdempotencyRecords {

    private final AgroalDataSource dataSource;

    public IdempotencyRecords(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Existing(String requestHash, String responseJson, Instant createdAt) {
    }

    /**
     * Claims the key for this request. A concurrent request with the same key waits here until the first one
     * commits or rolls back, so two retries can never both create a concern.
     *
     * @return true when the key was new (the caller goes on and stores its answer); false when it was taken
     */
    public boolean claim(String scope, String key, String requestHash) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO intake.idempotency_record (scope, key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, requestHash);
            return insert.executeUpdate() == 1;
        }
    }

    public Optional<Existing> find(String scope, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT request_hash, response::text, created_at FROM intake.idempotency_record WHERE scope = ? AND key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Existing(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        }
    }

    public void storeResponse(String scope, String key, String responseJson) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE intake.idempotency_record SET response = ?::jsonb WHERE scope = ? AND key = ?")) {
            update.setString(1, responseJson);
            update.setString(2, scope);
            update.setString(3, key);
            update.executeUpdate();
        }
    }

    /** An expired record gives way to a new request with the same key. */
    public void delete(String scope, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM intake.idempotency_record WHERE scope = ? AND key = ?")) {
            delete.setString(1, scope);
            delete.setString(2, key);
            delete.executeUpdate();
        }
    }

    public int deleteOlderThan(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM intake.idempotency_record WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }
}
