package dk.skp.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.skp.intake.IntakeDatabase;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The limiter's count lives in PostgreSQL: two limiters that share nothing but the database (as two instances behind
 * one load balancer do) take from one budget. Each limiter has a fixed clock in the middle of a window, so the test
 * never straddles a window's edge.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class SharedRateLimitTest {

    private static final Instant MID_WINDOW = Instant.parse("2026-11-28T09:30:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Pseudonyms pseudonyms;

    private RateLimiter instance(Instant now) {
        return new RateLimiter(dataSource, pseudonyms, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void twoInstancesShareOneBudget() {
        RateLimiter a = instance(MID_WINDOW);
        RateLimiter b = instance(MID_WINDOW);
        String client = "198.51.100." + (1 + (int) (Math.random() * 250));
        String purpose = "test-" + UUID.randomUUID();
        a.acquireForAddress(purpose, client, 3);
        b.acquireForAddress(purpose, client, 3);
        a.acquireForAddress(purpose, client, 3);
        ProblemException refused = assertThrows(ProblemException.class, () -> b.acquireForAddress(purpose, client, 3));
        assertEquals(ProblemType.TOO_MANY_REQUESTS, refused.type());
        assertEquals(Duration.ofMinutes(30).plusSeconds(1), refused.retryAfter(), "until the window ends");
        assertThrows(ProblemException.class, () -> a.acquireForAddress(purpose, client, 3));

        // Another purpose and another client have budgets of their own; the next window starts afresh.
        a.acquireForAddress(purpose + "-other", client, 3);
        a.acquireForAddress(purpose, "198.51.100.251".equals(client) ? "198.51.100.252" : "198.51.100.251", 3);
        instance(MID_WINDOW.plus(RateLimiter.WINDOW)).acquireForAddress(purpose, client, 3);
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64AndMappedIpv4AsIpv4() {
        RateLimiter a = instance(MID_WINDOW);
        RateLimiter b = instance(MID_WINDOW);
        String purpose = "test-" + UUID.randomUUID();
        a.acquireForAddress(purpose, "2001:db8:1:2::1", 2);
        b.acquireForAddress(purpose, "2001:db8:1:2:ffff:abcd:0:9", 2);
        assertThrows(ProblemException.class, () -> a.acquireForAddress(purpose, "2001:0db8:0001:0002:1234::77", 2),
                "a new address in the same /64 is the same client");
        b.acquireForAddress(purpose, "2001:db8:1:3::1", 2);
        b.acquireForAddress(purpose, "2001:db8:1:3::1", 2);
        assertThrows(ProblemException.class, () -> b.acquireForAddress(purpose, "2001:db8:1:3::2", 2));

        a.acquireForAddress(purpose, "192.0.2.7", 2);
        b.acquireForAddress(purpose, "::ffff:192.0.2.7", 2);
        assertThrows(ProblemException.class, () -> a.acquireForAddress(purpose, "[::ffff:c000:207]", 2),
                "an IPv4-mapped IPv6 address is its IPv4 address");
    }

    @Test
    void theDatabaseHoldsPseudonymsNotAddressesAndHousekeepingForgetsEndedWindows() throws Exception {
        String purpose = "test-" + UUID.randomUUID();
        instance(MID_WINDOW).acquireForAddress(purpose, "203.0.113.99", 5);
        assertEquals(0, count("SELECT count(*) FROM intake.rate_limit WHERE bucket LIKE '%203.0.113%'"));
        assertEquals(1, count("SELECT count(*) FROM intake.rate_limit WHERE bucket LIKE '" + purpose + ":%'"));

        instance(MID_WINDOW.plus(RateLimiter.WINDOW.multipliedBy(2))).deleteEndedWindows();
        assertEquals(0, count("SELECT count(*) FROM intake.rate_limit WHERE bucket LIKE '" + purpose + ":%'"));
    }

    /**
     * The count commits with synchronous_commit off, so a busy client's row is not locked through a disk flush; the
     * setting is the count's transaction's only, and never reaches the pooled connections a submission commits on.
     */
    @Test
    void theCountAloneCommitsWithoutWaitingForTheDisk() throws Exception {
        String purpose = "test-" + UUID.randomUUID();
        try (Connection admin = IntakeDatabase.database().admin(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE TABLE intake.test_commit_setting (setting text NOT NULL)");
            sql.execute("GRANT INSERT ON intake.test_commit_setting TO PUBLIC");
            sql.execute("""
                    CREATE FUNCTION intake.test_note_commit_setting() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO intake.test_commit_setting VALUES (current_setting('synchronous_commit'));
                        RETURN NEW;
                    END $$""");
            sql.execute("""
                    CREATE TRIGGER test_note_commit_setting BEFORE INSERT OR UPDATE ON intake.rate_limit
                        FOR EACH ROW EXECUTE FUNCTION intake.test_note_commit_setting()""");
            try {
                RateLimiter limiter = instance(MID_WINDOW);
                limiter.acquireForAddress(purpose, "198.51.100.9", 5);
                limiter.acquireForAddress(purpose, "198.51.100.9", 5);
                try (ResultSet rows = sql.executeQuery("SELECT setting FROM intake.test_commit_setting")) {
                    List<String> seen = new ArrayList<>();
                    while (rows.next()) {
                        seen.add(rows.getString(1));
                    }
                    assertEquals(List.of("off", "off", "off"), seen,
                            "the first count's insert; the second's attempted insert, then its update");
                }
            } finally {
                sql.execute("DROP TRIGGER IF EXISTS test_note_commit_setting ON intake.rate_limit");
                sql.execute("DROP FUNCTION IF EXISTS intake.test_note_commit_setting()");
                sql.execute("DROP TABLE IF EXISTS intake.test_commit_setting");
            }
        }
        // The pool hands this thread the connection the limiter just used; in a transaction, as a submission, and
        // outside one, its session is durable again (a plain SET instead of SET LOCAL would fail here).
        assertEquals("on", QuarkusTransaction.requiringNew().call(() -> setting()));
        assertEquals("on", setting());
    }

    /** Inside a caller's transaction the count would commit with it, durably or not at all: refused. */
    @Test
    void neverInsideACallersTransaction() throws Exception {
        String purpose = "test-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> instance(MID_WINDOW).acquireForAddress(purpose, "198.51.100.10", 5)));
        assertEquals(0, count("SELECT count(*) FROM intake.rate_limit WHERE bucket LIKE '" + purpose + ":%'"));
    }

    private String setting() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW synchronous_commit")) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void bucketsOfAddresses() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.bucket("2001:db8:1:2:3:4:5:6"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.bucket("[2001:db8:1:2::1%eth0]"));
        assertEquals("0:0:0:0::/64", ClientAddress.bucket("::1"));
        assertEquals("192.0.2.1", ClientAddress.bucket("::ffff:192.0.2.1"));
        assertEquals("192.0.2.1", ClientAddress.bucket("192.0.2.1"));
        assertEquals("other:example.org", ClientAddress.bucket("example.org"), "never looked up in DNS");
        assertEquals("other:unknown", ClientAddress.bucket("unknown"));
        assertEquals("other:cafe.bad", ClientAddress.bucket("cafe.bad"), "hex letters and dots are still a name");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
