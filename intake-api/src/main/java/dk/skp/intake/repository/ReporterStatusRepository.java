package dk.skp.intake.repository;

import dk.skp.model.vocabulary.PublicStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** exchange.reporter_status, of which intake may insert rows and read and count look-ups, nothing more. */
@ApplicationScoped
public class ReporterStatusRepository {

    private final AgroalDataSource dataSource;

    public ReporterStatusRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Entry(String passcodeHash, PublicStatus status, int failedAttempts, Instant lockedUntil) {
    }

    public void insert(String reference, String passcodeHash) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO exchange.reporter_status (reference, passcode_hash) VALUES (?, ?)")) {
            insert.setString(1, reference);
            insert.setString(2, passcodeHash);
            insert.executeUpdate();
        }
    }

    /** Locks the row for the rest of the transaction, so concurrent wrong guesses are all counted. */
    public Optional<Entry> findForUpdate(String reference) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("""
                SELECT passcode_hash, status, failed_attempts, locked_until
                  FROM exchange.reporter_status WHERE reference = ? FOR UPDATE""")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp locked = row.getTimestamp(4);
                return Optional.of(new Entry(row.getString(1), PublicStatus.valueOf(row.getString(2)), row.getInt(3),
                        locked == null ? null : locked.toInstant()));
            }
        }
    }

    public void recordAttempt(String reference, int failedAttempts, Instant lockedUntil) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE exchange.reporter_status SET failed_attempts = ?, locked_until = ? WHERE reference = ?")) {
            update.setInt(1, failedAttempts);
            update.setTimestamp(2, lockedUntil == null ? null : Timestamp.from(lockedUntil));
            update.setString(3, reference);
            update.executeUpdate();
        }
    }
}
