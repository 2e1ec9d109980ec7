package dk.skp.staff.retention;

import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.ScheduledRuns;
import dk.skp.staff.security.Viewer;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Deletes audit rows older than {@code skp.staff.audit.retention}. This service's database role may not delete audit
 * rows (nor change them): only the function {@code audit.purge_before}, which the database bootstrap owns, does, and it
 * never deletes a row younger than a year whatever it is asked, so a stolen staff login cannot empty the trail. A
 * retention shorter than that keeps rows for the year. Deletes in batches, each in a transaction of its own, so a first run
 * over years of rows never holds long locks. Of several staff instances, one runs each firing of the schedule
 * ({@link ScheduledRuns}), so that one purge records one AUDIT_PURGED row with its whole count.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    static final int BATCH_SIZE = 5_000;
    private static final Viewer SYSTEM = new Viewer("system:audit-retention", "audit retention", Set.of());

    private final Clock clock;
    private final AuditLog audit;
    private final Period retention;
    private final ZoneId zone;
    private final ScheduledRuns runs;

    public AuditRetention(Clock clock, AuditLog audit, StaffConfig config, ScheduledRuns runs) {
        this.clock = clock;
        this.runs = runs;
        this.audit = audit;
        this.retention = config.audit().retention();
        this.zone = config.zone();
    }

    @Scheduled(identity = "audit-retention", cron = "${skp.staff.audit.purge-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule(ScheduledExecution execution) {
        if (runs.claim("audit-retention", execution)) {
            purge(clock);
        }
    }

    /**
     * Deletes every audit row that occurred before {@code now - retention} (counted in calendar terms in the
     * deadlines' zone, so two years are two years across leap days) and records that it did.
     *
     * @return how many rows were deleted
     */
    public long purge(Clock now) {
        Instant cutoff = cutoff(now);
        long deleted = Batches.untilDone(BATCH_SIZE, () -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT audit.purge_before(?1, ?2)")
                .setParameter(1, cutoff).setParameter(2, BATCH_SIZE).getSingleResult()).intValue());
        if (deleted > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", cutoff.toString());
            details.put("retention", retention.toString());
            details.put("deleted", deleted);
            QuarkusTransaction.requiringNew().run(() -> audit.record(SYSTEM, AuditLog.Action.AUDIT_PURGED, null, details));
            LOG.infof("deleted %d audit rows from before %s (retention %s)", deleted, cutoff, retention);
        } else {
            LOG.debugf("no audit rows from before %s to delete", cutoff);
        }
        return deleted;
    }

    public Instant cutoff(Clock now) {
        return Batches.cutoff(now, zone, retention);
    }
}
