package dk.skp.staff.core;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps a cron job of staff to one run per firing however many staff instances run it. Quarkus' scheduler knows nothing
 * of other instances, so each one fires the same cron at the same moment (the same scheduled fire time, to the
 * second); the first to insert the row (job, fire time) into staff.scheduled_run runs the job, the others find it taken
 * and skip. The row is committed before the job starts: an instance that dies while running it leaves that firing
 * undone, and the next firing catches up (every job so run works through whatever is due by then). Rows older than
 * {@link #KEEP} go at the next claim of the same job.
 */
@ApplicationScoped
public class ScheduledRuns {

    private static final Logger LOG = Logger.getLogger(ScheduledRuns.class);
    static final Duration KEEP = Duration.ofDays(30);
    private static final String INSTANCE = instance();

    private final Clock clock;

    public ScheduledRuns(Clock clock) {
        this.clock = clock;
    }

    /** Whether this instance runs {@code job}'s firing {@code execution}; false when another instance took it. */
    public boolean claim(String job, ScheduledExecution execution) {
        return claim(job, execution.getScheduledFireTime());
    }

    /** Whether this instance takes the firing of {@code job} scheduled for {@code fireTime}. */
    public boolean claim(String job, Instant fireTime) {
        Instant now = clock.instant();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("DELETE FROM staff.scheduled_run WHERE job = ?1 AND fire_time < ?2")
                    .setParameter(1, job).setParameter(2, now.minus(KEEP)).executeUpdate();
            return em.createNativeQuery("""
                    INSERT INTO staff.scheduled_run (job, fire_time, claimed_at, claimed_by) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT (job, fire_time) DO NOTHING""")
                    .setParameter(1, job).setParameter(2, fireTime).setParameter(3, now).setParameter(4, INSTANCE)
                    .executeUpdate() == 1;
        });
        if (claimed) {
            LOG.infof("%s fired at %s: running it here (%s)", job, fireTime, INSTANCE);
        } else {
            LOG.infof("%s fired at %s: another instance runs it", job, fireTime);
        }
        return claimed;
    }

    private static String instance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
