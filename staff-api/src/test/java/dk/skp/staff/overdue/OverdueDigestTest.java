package dk.skp.staff.overdue;

import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.referenceOf;
import static dk.skp.staff.ConcernSteps.sql;
import static dk.skp.staff.ConcernSteps.triage;
import static dk.skp.staff.MailContent.FIXTURE_CONTENT;
import static dk.skp.staff.MailContent.LINKS;
import static dk.skp.staff.MailContent.LINK_BASE;
import static dk.skp.staff.MailContent.REFERENCES;
import static dk.skp.staff.MailContent.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.staff.GreenMailServer;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.mail.MailSender;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import dk.skp.staff.overdue.OverdueDigest.Outcome;
import dk.skp.staff.overdue.OverdueDigest.Run;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overdue digest job, called directly with a fixed clock, over real concerns (received, triaged and assigned
 * through the API), the real outbox and a real SMTP server. Before each test no concern has an open deadline, so each
 * test decides exactly what is overdue.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GreenMailServer.class, restrictToAnnotatedClass = true)
class OverdueDigestTest {

    /** What the fixture concern says, and who holds it; none of it may reach the digest. */
    private static final String[] CONCERN_CONTENT = Stream.concat(Arrays.stream(FIXTURE_CONTENT),
            Stream.of("Digest-Vest", "Sleeps rough", "Dorte", "cp-dorte", "HIGH")).toArray(String[]::new);
    /** Tuesday 24 November 2026, 07:00 in Copenhagen. */
    private static final Clock TUESDAY_MORNING = at("2026-11-24T06:00:00Z");

    @Inject
    OverdueDigest digest;

    @Inject
    MailSender sender;

    @Inject
    ConcernSubmittedConsumer consumer;

    @BeforeEach
    void nothingOverdueNoDigestsNoMail() throws Exception {
        sql("UPDATE staff.concern SET triage_due_at = NULL, first_attempt_due_at = NULL");
        sql("DELETE FROM staff.overdue_digest");
        sql("DELETE FROM staff.mail_outbox");
        GreenMailServer.server().purgeEmailFromAllMailboxes();
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static void due(String column, String id, String instant) {
        sql("UPDATE staff.concern SET " + column + " = '" + instant + "' WHERE id = '" + id + "'");
    }

    private static long digestsInOutbox() {
        return StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE kind = 'OVERDUE_DIGEST'");
    }

    /** A concern received through the queue whose triage ran out on Friday 20 November. */
    private String pastTriage() {
        String id = receive(consumer);
        due("triage_due_at", id, "2026-11-20T23:00:00Z");
        return id;
    }

    @Test
    void oneDigestAWorkingMorningListsEveryOverdueConcernByReferenceAndLinkOnly() throws Exception {
        String untriaged = pastTriage();
        String dorte = contactPerson("cp-dorte", "Dorte Dam", "[\"Digest-Vest\"]", 10, null);
        String unattempted = receive(consumer);
        triage(unattempted, "Digest-Vest");
        assign(unattempted, dorte);
        due("first_attempt_due_at", unattempted, "2026-11-19T23:00:00Z");
        String notYet = receive(consumer);
        due("triage_due_at", notYet, "2026-11-24T23:00:00Z");

        long auditRows = StaffDatabase.count("SELECT count(*) FROM staff.audit_event");
        assertEquals(new Run(LocalDate.of(2026, 11, 24), Outcome.WRITTEN, 2), digest.send(TUESDAY_MORNING));
        assertEquals(1, digestsInOutbox());
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.overdue_digest "
                + "WHERE day = '2026-11-24' AND concerns = 2 AND sent_at = '2026-11-24T06:00:00Z'"));

        assertEquals(new Run(LocalDate.of(2026, 11, 24), Outcome.ALREADY_WRITTEN, 2),
                digest.send(at("2026-11-24T09:30:00Z")), "later the same day");
        assertEquals(1, digestsInOutbox(), "one digest a day");
        assertEquals(auditRows, StaffDatabase.count("SELECT count(*) FROM staff.audit_event"),
                "the digest is not a person's read of a concern");

        sql("DELETE FROM staff.mail_outbox WHERE kind <> 'OVERDUE_DIGEST'"); // Dorte's assignment notice
        assertEquals(new dk.skp.model.mail.OutboxSender.Round(1, 0, 0), sender.sendDue(Instant.now()));
        assertTrue(GreenMailServer.server().waitForIncomingEmail(5_000, 1), "the digest is sent");
        MimeMessage[] received = GreenMailServer.server().getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage message = received[0];
        assertEquals(GreenMailServer.COORDINATORS_INBOX, message.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("SKP: 2 henvendelser over fristen", message.getSubject());
        String body = ((String) message.getContent()).replace("\r\n", "\n");
        String attemptRef = referenceOf(unattempted);
        String triageRef = referenceOf(untriaged);
        assertEquals(List.of(attemptRef, triageRef), all(REFERENCES, body), "the longest overdue first, once each");
        assertEquals(List.of(LINK_BASE + unattempted, LINK_BASE + untriaged), all(LINKS, body));
        assertTrue(body.contains(attemptRef + ": intet kontaktforsøg"), body);
        assertTrue(body.contains(triageRef + ": ikke visiteret"), body);
        assertFalse(body.contains(referenceOf(notYet)), "due tonight: not overdue yet");
        // Without its references and links (random letters and digits), the mail is the template's fixed text.
        String text = LINKS.matcher(REFERENCES.matcher(message.getSubject() + "\n" + body).replaceAll("")).replaceAll("");
        for (String content : CONCERN_CONTENT) {
            assertFalse(text.contains(content), "nothing of the concern in the mail: " + content);
        }

        assertEquals(new Run(LocalDate.of(2026, 11, 25), Outcome.WRITTEN, 3), digest.send(at("2026-11-25T06:00:00Z")),
                "the next working morning lists what is overdue then, the concern due on the 24th included");
    }

    @Test
    void noDigestOnDaysThatAreNotWorkingDays() {
        pastTriage();
        assertEquals(new Run(LocalDate.of(2026, 12, 25), Outcome.NOT_A_WORKING_DAY, 0),
                digest.send(at("2026-12-25T06:00:00Z")), "juledag, a Friday");
        assertEquals(Outcome.NOT_A_WORKING_DAY, digest.send(at("2026-12-24T06:00:00Z")).outcome(),
                "juleaftensdag: the offices close");
        assertEquals(Outcome.NOT_A_WORKING_DAY, digest.send(at("2026-11-28T06:00:00Z")).outcome(), "a Saturday");
        assertEquals(Outcome.NOT_A_WORKING_DAY, digest.send(at("2026-04-03T05:00:00Z")).outcome(), "langfredag");
        assertEquals(0, digestsInOutbox());
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.overdue_digest"));
    }

    @Test
    void theDayIsCopenhagensDay() {
        pastTriage();
        // 23:30 UTC on Friday 27 November is 00:30 on Saturday in Copenhagen.
        assertEquals(new Run(LocalDate.of(2026, 11, 28), Outcome.NOT_A_WORKING_DAY, 0),
                digest.send(at("2026-11-27T23:30:00Z")));
        // 23:30 UTC on Sunday 29 November is 00:30 on Monday there.
        assertEquals(new Run(LocalDate.of(2026, 11, 30), Outcome.WRITTEN, 1), digest.send(at("2026-11-29T23:30:00Z")));
    }

    @Test
    void nothingOverdueWritesNothing() {
        String id = receive(consumer);
        due("triage_due_at", id, "2026-11-24T23:00:00Z");
        assertEquals(new Run(LocalDate.of(2026, 11, 24), Outcome.NOTHING_OVERDUE, 0), digest.send(TUESDAY_MORNING));
        assertEquals(0, digestsInOutbox());
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.overdue_digest"));
    }

    @Test
    void instancesRunningAtOnceWriteOneDigest() throws Exception {
        pastTriage();
        int instances = 4;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Callable<Run> run = () -> {
                    start.await();
                    return digest.send(TUESDAY_MORNING);
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Run> run : runs) {
                outcomes.add(run.get().outcome());
            }
            assertEquals(1, outcomes.stream().filter(o -> o == Outcome.WRITTEN).count(), outcomes.toString());
            assertEquals(instances - 1, outcomes.stream().filter(o -> o == Outcome.ALREADY_WRITTEN).count(),
                    outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, digestsInOutbox());
    }
}
