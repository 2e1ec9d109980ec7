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
import java.util.UUID;

/**
 * exchange.reporter_question, of which intake may read what the status page shows and set answered_at, nothing more.
 * The answer never passes through here: it goes to staff on the queue. Call inside the caller's transaction, after
 * the passcode was checked.
 */
@ApplicationScoped
public class ReporterQuestionRepository {

    private final AgroalDataSource dataSource;

    public ReporterQuestionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The team's open question, as the status page shows it. */
    public record OpenQuestion(UUID id, String question, Instant askedAt) {
    }

    public Optional<OpenQuestion> findOpen(String reference) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("""
                SELECT id, question, asked_at FROM exchange.reporter_question
                 WHERE reference = ? AND answered_at IS NULL""")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new OpenQuestion(row.getObject(1, UUID.class), row.getString(2), row.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        }
    }

    /** What became of an answer: the question was open and is answered now, was answered before, or is not there. */
    public enum Marked {
        NOW, BEFORE, NO_SUCH_QUESTION
    }

    /**
     * Marks the question answered unless it was. The row lock taken by the update makes a concurrent second answer wait
     * and then find answered_at set, so only one answer is ever sent on.
     */
    public Marked markAnswered(String reference, UUID questionId, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE exchange.reporter_question SET answered_at = ?
                     WHERE id = ? AND reference = ? AND answered_at IS NULL""")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setObject(2, questionId);
                update.setString(3, reference);
                if (update.executeUpdate() == 1) {
                    return Marked.NOW;
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT 1 FROM exchange.reporter_question WHERE id = ? AND reference = ?")) {
                select.setObject(1, questionId);
                select.setString(2, reference);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Marked.BEFORE : Marked.NO_SUCH_QUESTION;
                }
            }
        }
    }
}
