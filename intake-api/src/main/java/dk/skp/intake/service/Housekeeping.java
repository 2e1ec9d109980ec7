package dk.skp.intake.service;

import dk.skp.model.problem.Failures;
import dk.skp.intake.config.IntakeConfig;
import dk.skp.intake.mail.SubmissionMails;
import dk.skp.intake.repository.IdempotencyRecords;
import dk.skp.model.municipality.MunicipalityProfile;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/** Lets go of what intake no longer needs. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final IdempotencyRecords idempotency;
    private final RateLimiter limiter;
    private final SubmissionMails submissionMails;
    private final IntakeConfig config;
    private final Clock clock;
    private final Period eraseAfter;

    public Housekeeping(IdempotencyRecords idempotency, RateLimiter limiter, SubmissionMails submissionMails, IntakeConfig config,
            Clock clock, MunicipalityProfile profile) {
        this.idempotency = idempotency;
        this.limiter = limiter;
        this.submissionMails = submissionMails;
        this.config = config;
        this.clock = clock;
        this.eraseAfter = profile.eraseAfterPeriod();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void deleteExpiredIdempotencyRecords() {
        try {
            int deleted = idempotency.deleteOlderThan(clock.instant().minus(config.idempotency().retention()));
            if (deleted > 0) {
                LOG.infof("deleted %d expired idempotency records", deleted);
            }
        } catch (SQLException e) {
            LOG.warnf("could not delete expired idempotency records: %s", Failures.describe(e));
        }
    }

    /**
     * Given-up mails, once the profile's erase-after has passed since they were given up: by then staff has erased the
     * concern's personal data too (its work ended after it was received), and an operator has had the time to look.
     */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onScheduleForgetGivenUpMails() {
        try {
            forgetGivenUpMails(clock.instant());
        } catch (SQLException e) {
            LOG.warnf("could not delete old given-up mails: %s", e.getMessage());
        }
    }

    /** Deletes the mails given up more than erase-after before {@code now}; returns how many. */
    public int forgetGivenUpMails(Instant now) throws SQLException {
        int deleted = submissionMails.deleteGivenUpBefore(now.atZone(ZoneOffset.UTC).minus(eraseAfter).toInstant());
        if (deleted > 0) {
            LOG.infof("deleted %d mails given up more than %s ago", deleted, eraseAfter);
        }
        return deleted;
    }

    /** Rate-limit windows that have ended and receipt counts of days that are over: both only count the present. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void deleteEndedCounts() {
        try {
            limiter.deleteEndedWindows();
            submissionMails.deleteEndedReceiptCounts();
        } catch (SQLException e) {
            LOG.warnf("could not delete ended rate-limit windows or receipt counts: %s", Failures.describe(e));
        }
    }
}
