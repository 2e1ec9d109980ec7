package dk.skp.model.queue;

import java.time.Duration;

/** What an operator needs to see about one topic. */
public record QueueStats(long pending, Duration oldestPendingAge, long dead) {
}
