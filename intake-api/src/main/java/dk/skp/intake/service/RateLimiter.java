package dk.skp.intake.service;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Requests per client and hour, counted in PostgreSQL (intake.rate_limit), so that every instance behind the load
 * balancer takes from one budget: N instances allow the limit once, not N times. A fixed window of an hour per bucket,
 * one atomic upsert per request; a client can at most double its budget across a window's edge, which is the price of
 * a single statement. Clients are counted by {@link ClientAddress#bucket} (IPv6 by its /64), and only as a
 * {@link Pseudonyms pseudonym}.
 * <p>
 * When the database cannot be reached the limiter fails closed, 503 with Retry-After, as the submission itself would:
 * nothing it guards can be done without the database anyway.
 * <p>
 * The count is one statement, committed on its own with {@code synchronous_commit = off} (for that commit only): its
 * commit does not wait for the WAL to reach the disk, so the row of a busy client (a partner, or many reporters behind
 * one address) is locked for microseconds, not for a disk flush, and its requests are not queued behind one another.
 * A crash of PostgreSQL may lose the last fraction of a second of counts, which only gives a client a few more requests
 * in that window. The submission that follows commits durably as always.
 * <p>
 * Every counted request's answer says where the client stands, in the headers of the IETF draft "RateLimit header
 * fields for HTTP" (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "submit";q=20;w=3600} (the
 * allowance per window) and {@code RateLimit: "submit";r=17;t=1234} (what is left, and the seconds until the window
 * ends), as openapi/intake-api.json documents them (IntakeContract).
 */
@ApplicationScoped
public class RateLimiter {

    static final Duration WINDOW = Duration.ofHours(1);

    private final AgroalDataSource dataSource;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final CurrentVertxRequest currentRequest;

    /** Outside a request (tests): no headers. */
    public RateLimiter(AgroalDataSource dataSource, Pseudonyms pseudonyms, Clock clock) {
        this(dataSource, pseudonyms, clock, null);
    }

    @Inject
    public RateLimiter(AgroalDataSource dataSource, Pseudonyms pseudonyms, Clock clock,
            CurrentVertxRequest currentRequest) {
        this.dataSource = dataSource;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.currentRequest = currentRequest;
    }

    /** Counts one request of a client address for a purpose ("submit", "status"). */
    public void acquireForAddress(String purpose, String clientAddress, int perHour) {
        acquire(purpose, ClientAddress.bucket(clientAddress), perHour);
    }

    /**
     * Counts one request of {@code client} for {@code purpose}.
     *
     * @throws ProblemException TOO_MANY_REQUESTS with Retry-After at the window's end, once the window holds more
     *                          than {@code perHour}; SERVICE_UNAVAILABLE when the count cannot be kept
     */
    public void acquire(String purpose, String client, int perHour) {
        Instant now = clock.instant();
        long windowMillis = WINDOW.toMillis();
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        String bucket = purpose + ":" + pseudonyms.of("rate-limit", purpose + ":" + client);
        if (QuarkusTransaction.isActive()) {
            // The count commits on its own, lazily (see above): inside a caller's transaction it would wait for, and
            // change, the caller's commit.
            throw new IllegalStateException("a rate-limit count is its own transaction: count outside any transaction");
        }
        int hits;
        try {
            hits = count(bucket, windowStart);
        } catch (SQLException e) {
            throw ProblemException.unavailable(e);
        }
        Duration untilNextWindow = Duration.between(now, windowStart.plus(WINDOW));
        announce(purpose, perHour, hits, untilNextWindow);
        if (hits > perHour) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, null, List.of(), untilNextWindow.plusSeconds(1), null);
        }
    }

    /** The RateLimit headers on the answer to the current request, whichever way it ends (an answer, a 429). */
    private void announce(String purpose, int perHour, int hits, Duration untilNextWindow) {
        if (currentRequest == null || !Arc.container().requestContext().isActive() || currentRequest.getCurrent() == null) {
            return;
        }
        RoutingContext context = currentRequest.getCurrent();
        String policy = "\"" + purpose + "\";q=" + perHour + ";w=" + WINDOW.toSeconds();
        String state = "\"" + purpose + "\";r=" + Math.max(0, perHour - hits) + ";t="
                + Math.max(1, untilNextWindow.toSeconds());
        context.addHeadersEndHandler(ignored -> context.response().headers()
                .set("RateLimit-Policy", policy).set("RateLimit", state));
    }

    /**
     * One statement on a connection outside any transaction (auto-commit): one round trip. {@code set_config(...,
     * true)} lasts until the end of the statement's own transaction, so its commit alone does not wait for the disk.
     */
    private int count(String bucket, Instant windowStart) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO intake.rate_limit AS r (bucket, window_start, hits)
                SELECT ?, ?, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) lazy_commit
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = r.hits + 1
                RETURNING hits""")) {
            upsert.setString(1, bucket);
            upsert.setTimestamp(2, Timestamp.from(windowStart));
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Forgets windows that have ended; called by {@link Housekeeping}. */
    public int deleteEndedWindows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM intake.rate_limit WHERE window_start < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(WINDOW)));
            return delete.executeUpdate();
        }
    }
}
