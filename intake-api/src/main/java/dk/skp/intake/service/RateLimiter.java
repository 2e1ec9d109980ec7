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
 * Token buckets per client (an IP address or a partner), in memory. Each instance limits on its own, which is
 * enough to stop a flood from one client without a shared store; N instances allow up to N times the limit.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes one token from the client's bucket, which refills evenly to {@code perHour} over an hour. */
    public void acquire(String client, int perHour) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(perHour, now));
        long waitMillis;
        synchronized (bucket) {
            waitMillis = bucket.take(perHour, now);
        }
        if (waitMillis > 0) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, null, List.of(),
                    Duration.ofMillis(waitMillis).plusSeconds(1), null);
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

        /** @return 0 when a token was taken, else how long until one is available */
        long take(int perHour, long now) {
            capacity = perHour;
            double perMilli = perHour / (double) WINDOW.toMillis();
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perMilli);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }

        boolean fullAt(long now) {
            double perMilli = capacity / (double) WINDOW.toMillis();
            return tokens + (now - updatedAt) * perMilli >= capacity;
        }
    }
}
