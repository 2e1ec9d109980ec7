package dk.skp.staff.statistics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the statistics tally (see {@link StatisticsRepository}): the triggers on concern append a row per change,
 * and this keeps the tally at about one row per day and value, and adds what it folds to the month's rows, so that a
 * year of statistics reads about twelve rows per value (and a few days) however busy the year was. Statistics are
 * exact whether it has run or not; several instances may run it at once. A batch of days per transaction, so that a first run after a bulk load holds no long locks.
 */
@ApplicationScoped
public class StatisticsCompaction {

    static final int DAYS_PER_BATCH = 50;

    private final StatisticsRepository statistics;

    public StatisticsCompaction(StatisticsRepository statistics) {
        this.statistics = statistics;
    }

    @Scheduled(identity = "statistics-compaction", every = "${skp.staff.statistics.compact-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        compact();
    }

    /** Folds every day with appended rows. @return how many days were folded */
    public int compact() {
        int folded = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> statistics.compact(DAYS_PER_BATCH));
            folded += batch;
        } while (batch == DAYS_PER_BATCH);
        return folded;
    }
}
