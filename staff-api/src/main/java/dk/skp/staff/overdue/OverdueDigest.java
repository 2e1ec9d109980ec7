package dk.skp.staff.overdue;

import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.ScheduledRuns;
import dk.skp.staff.core.WorkingDays;
import dk.skp.staff.mail.OverdueConcern;
import dk.skp.staff.mail.StaffMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Every working morning, one mail to the coordinators' inbox listing every concern past a deadline at that moment:
 * references and links only (see {@link StaffMail}). Several staff instances may run the schedule: one of them runs each
 * firing ({@link ScheduledRuns}), and the day's row in staff.overdue_digest, taken in the transaction that writes the
 * mail, lets only one digest a day be written, however often the schedule fires.
 *
 * <p>No audit row: the digest is not a person reading a concern. It reads references and ids of overdue concerns, never
 * what they say, and hands on nothing else; whoever follows a link signs in, and that read is audited as theirs.
 */
@ApplicationScoped
public class OverdueDigest {

    private static final Logger LOG = Logger.getLogger(OverdueDigest.class);

    /** What a run did. */
    public enum Outcome {
        /** The digest was written to the outbox. */
        WRITTEN,
        /** A weekend, public holiday or closing day: nobody reads the inbox, the next working morning lists it all. */
        NOT_A_WORKING_DAY,
        NOTHING_OVERDUE,
        /** Today's digest was written before, by this or another instance. */
        ALREADY_WRITTEN,
        /** skp.staff.mail.coordinators-inbox is not set; StaffMail says so in the log. */
        NO_INBOX
    }

    public record Run(LocalDate day, Outcome outcome, int overdue) {
    }

    private final Clock clock;
    private final OverdueConcerns overdue;
    private final OverdueDigestRepository digests;
    private final StaffMail mail;
    private final WorkingDays calendar;
    private final ZoneId zone;
    private final ScheduledRuns runs;

    public OverdueDigest(Clock clock, OverdueConcerns overdue, OverdueDigestRepository digests, StaffMail mail,
            WorkingDays calendar, StaffConfig config, ScheduledRuns runs) {
        this.clock = clock;
        this.runs = runs;
        this.overdue = overdue;
        this.digests = digests;
        this.mail = mail;
        this.calendar = calendar;
        this.zone = config.zone();
    }

    @Scheduled(identity = "overdue-digest", cron = "${skp.staff.mail.overdue-digest-cron}",
            timeZone = "${skp.staff.zone:Europe/Copenhagen}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule(ScheduledExecution execution) {
        try {
            if (runs.claim("overdue-digest", execution)) {
                send(clock);
            }
        } catch (RuntimeException e) {
            // The database is away: no digest today; the next working morning lists whatever is still overdue.
            LOG.warnf("the overdue digest failed: %s", e.toString());
        }
    }

    /** Writes today's digest (today in the municipality's zone at {@code now}) unless it is not due. */
    public Run send(Clock now) {
        Instant at = now.instant();
        LocalDate day = LocalDate.ofInstant(at, zone);
        if (!calendar.isWorkingDay(day)) {
            LOG.infof("no overdue digest on %s: not a working day", day);
            return new Run(day, Outcome.NOT_A_WORKING_DAY, 0);
        }
        Run run = QuarkusTransaction.requiringNew().call(() -> write(day, at));
        switch (run.outcome()) {
            case WRITTEN -> LOG.infof("overdue digest for %s written: %d missed deadlines", day, run.overdue());
            case NOTHING_OVERDUE -> LOG.infof("no overdue digest for %s: nothing is overdue", day);
            case ALREADY_WRITTEN -> LOG.infof("no overdue digest for %s: it was written before", day);
            default -> {
                // NO_INBOX: StaffMail warned.
            }
        }
        return run;
    }

    private Run write(LocalDate day, Instant at) {
        List<OverdueConcern> missed = overdue.all(at);
        if (missed.isEmpty()) {
            return new Run(day, Outcome.NOTHING_OVERDUE, 0);
        }
        if (!digests.claim(day, at, missed.size())) {
            return new Run(day, Outcome.ALREADY_WRITTEN, missed.size());
        }
        if (!mail.overdueDigest(missed, mail.language())) {
            // Keep the day free: a digest that was not written must not count as today's.
            QuarkusTransaction.setRollbackOnly();
            return new Run(day, Outcome.NO_INBOX, missed.size());
        }
        return new Run(day, Outcome.WRITTEN, missed.size());
    }
}
