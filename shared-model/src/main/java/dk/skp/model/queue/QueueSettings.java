package dk.skp.model.queue;

import java.time.Duration;

/**
 * How a consumer treats failures and how often it looks for work without being woken.
 *
 * @param maxAttempts  failed deliveries after which a message is parked as dead
 * @param firstBackoff delay after the first failure; it doubles with every further failure
 * @param maxBackoff   the longest delay between two attempts
 * @param batchSize    messages claimed, handled and completed in one transaction
 * @param pollInterval how long a consumer waits for a notification before it looks anyway
 */
public record QueueSettings(int maxAttempts, Duration firstBackoff, Duration maxBackoff, int batchSize, Duration pollInterval) {

    public QueueSettings {
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxAttempts and batchSize must be at least 1");
        }
    }

    public static QueueSettings defaults() {
        return new QueueSettings(8, Duration.ofSeconds(1), Duration.ofMinutes(10), 50, Duration.ofSeconds(5));
    }

    /** The delay before the next attempt after {@code failures} failed deliveries (1 = the first failure). */
    public Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = firstBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
