package dk.skp.intake.service;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in memory, per instance. Only for what must be refused before the database is asked at all (unknown
 * partner keys): N instances allow up to N times the limit there. Everything else is limited by {@link RateLimiter},
 * whose count in PostgreSQL is shared by all instances.
 */
@ApplicationScoped
public class LocalBuckets {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LocalBuckets(Clock clock) {
        this.clock = clock;
    }

    /**
     * Refuses when the client's bucket, which refills evenly to {@code perHour} over an hour, has no whole token left;
     * takes nothing.
     */
    public void check(String client, int perHour) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            return;
        }
        long waitMillis;
        synchronized (bucket) {
            waitMillis = bucket.waitFor(perHour, clock.millis());
        }
        if (waitMillis > 0) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, null, List.of(),
                    Duration.ofMillis(waitMillis).plusSeconds(1), null);
        }
    }

    /** Takes one token from the client's bucket (down to empty, never below). */
    public void take(String client, int perHour) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(perHour, now));
        synchronized (bucket) {
            bucket.take(perHour, now);
        }
    }

    /** Forgets clients whose buckets are full again, so the map does not grow with every address ever seen. */
    @Scheduled(every = "10m", delayed = "10m")
    void forgetIdleClients() {
        long now = clock.millis();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().fullAt(now);
            }
        });
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;
        private int capacity;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.capacity = capacity;
            this.updatedAt = now;
        }

        private void refill(int perHour, long now) {
            capacity = perHour;
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perMilli());
            updatedAt = now;
        }

        private double perMilli() {
            return capacity / (double) WINDOW.toMillis();
        }

        /** @return 0 when a token is there, else how long until one is */
        long waitFor(int perHour, long now) {
            refill(perHour, now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perMilli());
        }

        void take(int perHour, long now) {
            refill(perHour, now);
            tokens = Math.max(0, tokens - 1);
        }

        boolean fullAt(long now) {
            double perMilli = capacity / (double) WINDOW.toMillis();
            return tokens + (now - updatedAt) * perMilli >= capacity;
        }
    }
}
