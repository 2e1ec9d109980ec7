package dk.skp.intake.service;

import dk.skp.intake.config.IntakeConfig;
import dk.skp.intake.repository.ReporterStatusRepository;
import dk.skp.intake.repository.ReporterStatusRepository.Entry;
import dk.skp.model.exchange.Secrets;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.PublicStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one thing a reporter can look up: a coarse status code, with the passcode they got once. An unknown
 * reference, a wrong passcode and a reference locked after too many wrong passcodes all get the same answer, so a
 * guesser learns nothing, not even whether a reference exists.
 */
@ApplicationScoped
public class StatusService {

    private final ReporterStatusRepository statuses;
    private final RateLimiter limiter;
    private final IntakeConfig config;
    private final Clock clock;

    public StatusService(ReporterStatusRepository statuses, RateLimiter limiter, IntakeConfig config, Clock clock) {
        this.statuses = statuses;
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
    }

    public PublicStatus lookup(String typedReference, String passcode, String clientAddress) {
        limiter.acquire("status:" + clientAddress, config.limits().statusLookupsPerHour());
        if (passcode == null || passcode.isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "passcode.missing");
        }
        String reference = ReferenceNumber.normalise(typedReference);
        if (reference == null) {
            throw notFound();
        }
        String hash = Secrets.hashPasscode(passcode);
        Optional<PublicStatus> status;
        try {
            // The attempt is counted in its own transaction, which commits whether or not the passcode was right.
            status = QuarkusTransaction.requiringNew().call(() -> check(reference, hash));
        } catch (QuarkusTransactionException e) {
            throw ProblemException.unavailable(e);
        }
        return status.orElseThrow(StatusService::notFound);
    }

    private Optional<PublicStatus> check(String reference, String hash) throws Exception {
        Optional<Entry> found = statuses.findForUpdate(reference);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = found.get();
        Instant now = clock.instant();
        if (entry.lockedUntil() != null && entry.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        if (MessageDigest.isEqual(entry.passcodeHash().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            if (entry.failedAttempts() > 0 || entry.lockedUntil() != null) {
                statuses.recordAttempt(reference, 0, null);
            }
            return Optional.of(entry.status());
        }
        int failures = entry.failedAttempts() + 1;
        if (failures >= config.status().maxFailedAttempts()) {
            statuses.recordAttempt(reference, 0, now.plus(config.status().lockout()));
        } else {
            statuses.recordAttempt(reference, failures, null);
        }
        return Optional.empty();
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "status.notFound");
    }
}
