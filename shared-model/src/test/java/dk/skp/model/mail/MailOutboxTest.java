package dk.skp.model.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.db.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The outbox both services send from, against a real PostgreSQL: promised in the caller's transaction, claimed by one
 * sender at a time, deleted when sent, retried after a doubling pause, given up without its address. The SMTP side is
 * the {@link OutboxSender.Transport} the services implement with their mailer (tested with GreenMail there); here it is
 * a function that takes or refuses a mail.
 */
class MailOutboxTest {

    private static final OutboxSettings SETTINGS = new OutboxSettings(3, 3, Duration.ofSeconds(30),
            Duration.ofSeconds(50), Duration.ofMinutes(5));
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private static TestDatabase db;
    private static PGSimpleDataSource dataSource;
    private final MailOutbox outbox = new MailOutbox("staff.test_outbox", List.of("subject", "body"), SETTINGS);

    @BeforeAll
    static void createTable() throws SQLException {
        db = TestDatabase.create("mail");
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.settings().jdbcUrl());
        dataSource.setUser(db.settings().staffUser());
        dataSource.setPassword(db.settings().staffPassword());
        try (Connection staff = dataSource.getConnection(); Statement sql = staff.createStatement()) {
            sql.execute("""
                    CREATE TABLE staff.test_outbox (
                        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL, reference text,
                        recipient text, subject text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL,
                        available_at timestamptz NOT NULL, attempts integer NOT NULL DEFAULT 0,
                        last_attempt_at timestamptz, last_error text, failed_at timestamptz,
                        CHECK ((failed_at IS NULL) = (recipient IS NOT NULL)))""");
        }
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        sql("DELETE FROM staff.test_outbox");
    }

    @Test
    void aMailExistsOnlyWhenItsTransactionCommits() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            outbox.enqueue(connection, List.of(mail("SKP-AAAA-AAAA")), T0);
            connection.rollback();
            outbox.enqueue(connection, List.of(mail("SKP-BBBB-BBBB")), T0);
            connection.commit();
        }
        assertEquals(List.of("SKP-BBBB-BBBB"), column("reference"));
    }

    @Test
    void refusesContentThatIsNotTheOutboxsColumns() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThrows(IllegalArgumentException.class, () -> outbox.enqueue(connection,
                    List.of(new NewMail("X", null, "a@example.org", Map.of("subject", "s"))), T0));
        }
        assertThrows(IllegalArgumentException.class, () -> new MailOutbox("mail_outbox; DROP TABLE x", List.of(), SETTINGS));
    }

    @Test
    void sentMailsLeaveNoRowAndAreClaimedByOneSenderOnly() throws SQLException {
        enqueue(mail("SKP-AAAA-AAAA"), mail("SKP-BBBB-BBBB"), mail("SKP-CCCC-CCCC"), mail("SKP-DDDD-DDDD"));
        List<OutboxMail> first;
        List<OutboxMail> second;
        try (Connection connection = dataSource.getConnection()) {
            first = outbox.claimDue(connection, T0);
            second = outbox.claimDue(connection, T0.plusSeconds(1));
        }
        assertEquals(3, first.size(), "a batch");
        assertEquals(1, second.size(), "the rest; the claimed ones are hidden for the lease");
        Set<Object> ids = new HashSet<>();
        first.forEach(m -> ids.add(m.id()));
        assertFalse(ids.contains(second.get(0).id()));
        assertEquals(Map.of("subject", "Subject", "body", "Body"), first.get(0).content());

        List<OutboxMail> delivered = new ArrayList<>();
        OutboxSender sender = new OutboxSender(dataSource, outbox, delivered::add, new OutboxSender.Events() {
        });
        assertEquals(new OutboxSender.Round(0, 0, 0), sender.sendRound(T0.plusSeconds(2)), "all claimed");
        assertEquals(new OutboxSender.Round(3, 0, 0), sender.sendRound(T0.plus(SETTINGS.claimLease())), "lease over");
        assertEquals(new OutboxSender.Round(1, 0, 0), sender.sendRound(T0.plus(SETTINGS.claimLease()).plusSeconds(1)));
        assertEquals(4, delivered.size());
        assertEquals(List.of(), column("reference"));
    }

    @Test
    void aFailureEndsTheRoundRetriesAfterADoublingPauseAndGivesUpWithoutTheAddress() throws SQLException {
        enqueue(mail("SKP-AAAA-AAAA"), mail("SKP-BBBB-BBBB"));
        AtomicInteger tries = new AtomicInteger();
        List<String> failedKinds = new ArrayList<>();
        OutboxSender refusing = new OutboxSender(dataSource, outbox, m -> {
            tries.incrementAndGet();
            throw new IllegalStateException("550 <someone@example.org>: unknown user");
        }, new OutboxSender.Events() {
            @Override
            public void failed(OutboxMail mail, boolean givenUp) {
                failedKinds.add(givenUp ? "given up" : "retry");
            }
        });
        assertEquals(new OutboxSender.Round(0, 1, 0), refusing.sendRound(T0));
        assertEquals(2, tries.get(), "one mail, tried twice; the other waits");
        assertEquals(1, count("attempts = 1 AND available_at = '" + T0.plusSeconds(30) + "'"));
        assertEquals(1, count("attempts = 0 AND available_at = '" + T0 + "'"), "the untried one handed back");
        assertEquals("IllegalStateException",
                text("SELECT last_error FROM staff.test_outbox WHERE attempts = 1"), "no address in the error");

        assertEquals(new OutboxSender.Round(0, 1, 0), refusing.sendRound(T0.plusSeconds(29)), "the other one");
        assertEquals(new OutboxSender.Round(0, 0, 0), refusing.sendRound(T0.plusSeconds(29)), "not due yet");
        assertEquals(new OutboxSender.Round(0, 1, 0), refusing.sendRound(T0.plusSeconds(30)));
        assertEquals(1, count("attempts = 2 AND available_at = '" + T0.plusSeconds(30 + 50) + "'"), "60 s capped at 50");
        assertEquals(new OutboxSender.Round(0, 1, 0), refusing.sendRound(T0.plusSeconds(59)));
        assertEquals(new OutboxSender.Round(0, 0, 1), refusing.sendRound(T0.plusSeconds(80)), "the third failure");
        assertEquals(1, count("failed_at IS NOT NULL AND recipient IS NULL AND attempts = 3"));
        assertEquals(new OutboxSender.Round(0, 0, 1), refusing.sendRound(T0.plus(Duration.ofDays(1))), "the other's third");
        assertEquals(new OutboxSender.Round(0, 0, 0), refusing.sendRound(T0.plus(Duration.ofDays(2))), "given up rests");
        assertEquals(List.of("retry", "retry", "retry", "retry", "given up", "given up"), failedKinds);
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(new MailOutbox.Counts(0, 2), outbox.counts(connection));
            assertEquals(0, outbox.deleteGivenUpBefore(connection, T0.plusSeconds(80)));
            assertEquals(1, outbox.deleteGivenUpBefore(connection, T0.plusSeconds(81)));
        }
    }

    @Test
    void aSecondTryAtOnceMeetsARelayThatClosedThePooledConnection() throws SQLException {
        enqueue(mail("SKP-AAAA-AAAA"));
        AtomicInteger tries = new AtomicInteger();
        OutboxSender once = new OutboxSender(dataSource, outbox, m -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("connection closed");
            }
        }, new OutboxSender.Events() {
        });
        assertEquals(new OutboxSender.Round(1, 0, 0), once.sendRound(T0));
        assertEquals(0, count("true"));
    }

    @Test
    void anUnreachableDatabaseIsARoundThatSentNothing() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        OutboxSender sender = new OutboxSender(nowhere, outbox, m -> {
            throw new AssertionError("nothing to send");
        }, new OutboxSender.Events() {
        });
        assertEquals(new OutboxSender.Round(0, 0, 0), sender.sendRound(T0));
        assertTrue(sender.counts().isEmpty());
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(30), SETTINGS.backoffAfter(1));
        assertEquals(Duration.ofSeconds(50), SETTINGS.backoffAfter(2));
        assertEquals(Duration.ofSeconds(50), SETTINGS.backoffAfter(40));
    }

    private static NewMail mail(String reference) {
        return new NewMail("TEST", reference, "someone@example.org", Map.of("subject", "Subject", "body", "Body"));
    }

    private void enqueue(NewMail... mails) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            outbox.enqueue(connection, List.of(mails), T0.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long count(String where) throws SQLException {
        return Long.parseLong(text("SELECT count(*) FROM staff.test_outbox WHERE " + where));
    }

    private static String text(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static List<String> column(String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT " + name + " FROM staff.test_outbox ORDER BY 1")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
