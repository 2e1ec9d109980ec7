package dk.skp.intake.repository;

import dk.skp.model.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers which proofs of the public form (challenges, form tokens) have been used, so that each works once. In the
 * database rather than in memory, so that it holds across restarts and across several instances.
 */
@ApplicationScoped
public class SpentProofs {

    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(5);

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final AtomicReference<Instant> nextCleanUp = new AtomicReference<>(Instant.MIN);

    public SpentProofs(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Marks a proof as used.
     *
     * @param expiresAt when the proof would be refused anyway; the row is not needed after that
     * @return true the first time, false when the proof was used before
     * @throws ProblemException SERVICE_UNAVAILABLE when the database cannot be reached
     */
    public boolean spend(String kind, String signature, Instant expiresAt) {
        Instant now = clock.instant();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    cleanUpNowAndThen(connection, now);
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO intake.spent_proof (kind, signature, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                        insert.setString(1, kind);
                        insert.setString(2, signature);
                        insert.setTimestamp(3, Timestamp.from(expiresAt));
                        return insert.executeUpdate() == 1;
                    }
                }
            });
        } catch (QuarkusTransactionException e) {
            throw ProblemException.unavailable(e);
        }
    }

    private void cleanUpNowAndThen(Connection connection, Instant now) throws java.sql.SQLException {
        Instant due = nextCleanUp.get();
        if (now.isBefore(due) || !nextCleanUp.compareAndSet(due, now.plus(CLEAN_UP_EVERY))) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM intake.spent_proof WHERE expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            delete.executeUpdate();
        }
    }
}
