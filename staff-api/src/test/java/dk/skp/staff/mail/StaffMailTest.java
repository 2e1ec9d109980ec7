package dk.skp.staff.mail;

import static dk.skp.staff.MailContent.FIXTURE_CONTENT;
import static dk.skp.staff.MailContent.LINKS;
import static dk.skp.staff.MailContent.LINK_BASE;
import static dk.skp.staff.MailContent.REFERENCES;
import static dk.skp.staff.MailContent.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.mail.OutboxSender;
import dk.skp.staff.Await;
import dk.skp.staff.GreenMailServer;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff mail through the outbox to a real SMTP server (GreenMail); the sender is called by hand with chosen times. */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GreenMailServer.class, restrictToAnnotatedClass = true)
class StaffMailTest {


    @Inject
    StaffMail mail;

    @Inject
    MailSender sender;

    @Inject
    ConcernSubmittedConsumer consumer;

    @BeforeEach
    void emptyOutboxAndInboxes() throws Exception {
        sql("DELETE FROM staff.mail_outbox");
        GreenMailServer.server().purgeEmailFromAllMailboxes();
    }

    private static void sql(String statement) {
        try (Connection staff = StaffDatabase.database().asStaff(); Statement s = staff.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Registered(String reference, UUID id) {
    }

    /** A real concern, registered from the shared fixture through the queue. */
    private Registered registered() throws Exception {
        ConcernSubmitted message = Messages.fresh(Instant.now());
        StaffDatabase.enqueueAsIntake(message);
        consumer.drainNow();
        // The running listener may have claimed it first; wait for its commit.
        Await.until(() -> StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE reference = '"
                + message.reference() + "'") == 1);
        String id;
        try (Connection staff = StaffDatabase.database().asStaff(); Statement s = staff.createStatement();
                var row = s.executeQuery("SELECT id FROM staff.concern WHERE reference = '" + message.reference() + "'")) {
            assertTrue(row.next(), "registered");
            id = row.getString(1);
        }
        return new Registered(message.reference(), UUID.fromString(id));
    }

    /** What the SMTP server has received, once it has received {@code count} messages. */
    private static MimeMessage[] received(int count) {
        assertTrue(GreenMailServer.server().waitForIncomingEmail(5_000, count), "received " + count);
        return GreenMailServer.server().getReceivedMessages();
    }

    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static void assertNothingOfTheConcern(String text) {
        for (String content : FIXTURE_CONTENT) {
            assertFalse(text.contains(content), "the mail says nothing of the concern: " + content);
        }
    }

    @Test
    void staffMailIsDanishUnlessConfiguredOtherwise() {
        assertEquals(Locale.forLanguageTag("da"), mail.language());
    }

    @Test
    void anAssignmentNoticeInDanishCarriesTheReferenceAndALinkAndNothingElse() throws Exception {
        Registered concern = registered();
        QuarkusTransaction.requiringNew().run(() -> mail.assignmentNotice("kontakt.person@example-kommune.dk",
                concern.reference(), concern.id(), Locale.forLanguageTag("da")));
        assertEquals(0, GreenMailServer.server().getReceivedMessages().length, "nothing is sent from the caller's transaction");

        assertEquals(new OutboxSender.Round(1, 0, 0), sender.sendDue(Instant.now()));

        MimeMessage[] received = received(1);
        assertEquals(1, received.length);
        MimeMessage message = received[0];
        assertEquals("kontakt.person@example-kommune.dk", message.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("SKP <skp-noreply@example-kommune.dk>", message.getFrom()[0].toString());
        assertEquals("auto-generated", message.getHeader("Auto-Submitted")[0]);
        assertEquals("SKP: Henvendelse " + concern.reference() + " er tildelt dig", message.getSubject());
        String body = text(message);
        assertTrue(body.contains("Du har fået tildelt henvendelse " + concern.reference()
                + " i Støtte- og Kontaktpersonordningen (SKP), Odense Kommune."), "the team of the municipality's profile: " + body);
        assertTrue(body.contains("kræver login"), body);
        assertEquals(List.of(LINK_BASE + concern.id()), all(LINKS, body), "one link: the concern in the staff client");
        assertEquals(List.of(concern.reference()), all(REFERENCES, body), "the reference, once");
        assertNothingOfTheConcern(message.getSubject() + body);
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox"), "deleted once sent");
    }

    @Test
    void anAssignmentNoticeInEnglish() throws Exception {
        Registered concern = registered();
        QuarkusTransaction.requiringNew().run(() -> mail.assignmentNotice("contact.person@example-kommune.dk",
                concern.reference(), concern.id(), Locale.ENGLISH));
        sender.sendDue(Instant.now());

        MimeMessage message = received(1)[0];
        assertEquals("SKP: Concern " + concern.reference() + " has been assigned to you", message.getSubject());
        String body = text(message);
        assertTrue(body.contains("Open it here (sign-in required):\n" + LINK_BASE + concern.id()), body);
        assertEquals(List.of(LINK_BASE + concern.id()), all(LINKS, body));
        assertNothingOfTheConcern(message.getSubject() + body);
    }

    @Test
    void theOverdueDigestGoesToTheCoordinatorsInboxWithReferencesAndLinksOnly() throws Exception {
        Registered first = registered();
        Registered second = registered();
        List<OverdueConcern> overdue = List.of(
                new OverdueConcern(first.reference(), first.id(), OverdueConcern.Deadline.TRIAGE),
                new OverdueConcern(second.reference(), second.id(), OverdueConcern.Deadline.FIRST_ATTEMPT));
        QuarkusTransaction.requiringNew().run(() -> mail.overdueDigest(overdue, Locale.forLanguageTag("da")));
        QuarkusTransaction.requiringNew().run(() -> mail.overdueDigest(overdue.subList(0, 1), Locale.ENGLISH));
        QuarkusTransaction.requiringNew().run(() -> assertFalse(mail.overdueDigest(List.of(), Locale.ENGLISH)));
        assertEquals(new OutboxSender.Round(2, 0, 0), sender.sendDue(Instant.now()));

        MimeMessage[] received = received(2);
        assertEquals(2, received.length);
        for (MimeMessage message : received) {
            assertEquals(GreenMailServer.COORDINATORS_INBOX, message.getRecipients(Message.RecipientType.TO)[0].toString());
        }
        MimeMessage danish = received[0].getSubject().startsWith("SKP: 2") ? received[0] : received[1];
        MimeMessage english = danish == received[0] ? received[1] : received[0];

        assertEquals("SKP: 2 henvendelser over fristen", danish.getSubject());
        String body = text(danish);
        assertTrue(body.contains(first.reference() + ": ikke visiteret\n" + LINK_BASE + first.id()), body);
        assertTrue(body.contains(second.reference() + ": intet kontaktforsøg\n" + LINK_BASE + second.id()), body);
        assertEquals(List.of(LINK_BASE + first.id(), LINK_BASE + second.id()), all(LINKS, body));
        assertEquals(List.of(first.reference(), second.reference()), all(REFERENCES, body));
        assertNothingOfTheConcern(danish.getSubject() + body);

        assertEquals("SKP: 1 concern past a deadline", english.getSubject());
        String englishBody = text(english);
        assertTrue(englishBody.contains("This concern has missed a deadline:\n\n" + first.reference() + ": not triaged\n"
                + LINK_BASE + first.id()), englishBody);
        assertNothingOfTheConcern(englishBody);
    }

    @Test
    void aMailWrittenInATransactionThatRollsBackIsNeverSent() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            mail.assignmentNotice("kontakt.person@example-kommune.dk", "SKP-7K4M-2QXD", UUID.randomUUID(), Locale.ENGLISH);
            throw new IllegalStateException("the assignment failed");
        }));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox"));
        assertEquals(new OutboxSender.Round(0, 0, 0), sender.sendDue(Instant.now()));
    }

    @Test
    void onlyWithinTheCallersTransactionAndOnlyWithAReferenceAndAnAddress() {
        assertThrows(TransactionalException.class, () -> mail.assignmentNotice("kontakt.person@example-kommune.dk",
                "SKP-7K4M-2QXD", UUID.randomUUID(), Locale.ENGLISH), "a mail belongs to a change in a transaction");
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(() -> mail.assignmentNotice(
                "kontakt.person@example-kommune.dk", "Jens Hansen, Vestergade 12", UUID.randomUUID(), Locale.ENGLISH)));
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(() -> mail.assignmentNotice(
                "Kontakt Person <kontakt.person@example-kommune.dk>, other@example.org", "SKP-7K4M-2QXD", UUID.randomUUID(),
                Locale.ENGLISH)));
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(() -> mail.overdueDigest(
                List.of(new OverdueConcern("Kim in the blue tent", UUID.randomUUID(), OverdueConcern.Deadline.TRIAGE)),
                Locale.ENGLISH)));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox"));
    }

    @Test
    void anSmtpOutageDelaysMailWithGrowingPausesAndGivesItUpWithoutItsAddressAfterTooManyFailures() throws Exception {
        Registered concern = registered();
        GreenMailServer.outage();
        try {
            QuarkusTransaction.requiringNew().run(() -> mail.assignmentNotice("kontakt.person@example-kommune.dk",
                    concern.reference(), concern.id(), Locale.ENGLISH));
            Instant t0 = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);

            assertEquals(new OutboxSender.Round(0, 1, 0), sender.sendDue(t0));
            assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE attempts = 1 "
                    + "AND failed_at IS NULL AND last_error IS NOT NULL AND last_error NOT LIKE '%@%' "
                    + "AND available_at = '" + t0.plus(Duration.ofSeconds(30)) + "'"), "back in 30 s (first-backoff)");
            assertEquals(new OutboxSender.Round(0, 0, 0), sender.sendDue(t0.plusSeconds(29)), "not due yet");

            assertEquals(new OutboxSender.Round(0, 1, 0), sender.sendDue(t0.plusSeconds(30)));
            assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE attempts = 2 "
                    + "AND available_at = '" + t0.plusSeconds(30).plus(Duration.ofSeconds(60)) + "'"), "then 60 s");

            assertEquals(new OutboxSender.Round(0, 0, 1), sender.sendDue(t0.plusSeconds(90)), "the third failure gives it up");
            assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE attempts = 3 "
                    + "AND failed_at IS NOT NULL AND recipient IS NULL AND reference = '" + concern.reference() + "'"),
                    "given up, its address erased");
            assertEquals(new OutboxSender.Round(0, 0, 0), sender.sendDue(t0.plus(Duration.ofDays(1))), "a mail given up rests");
        } finally {
            GreenMailServer.recover();
        }

        QuarkusTransaction.requiringNew().run(() -> mail.assignmentNotice("kontakt.person@example-kommune.dk",
                concern.reference(), concern.id(), Locale.ENGLISH));
        OutboxSender.Round afterOutage = sender.sendDue(Instant.now().plusSeconds(1));
        assertEquals(new OutboxSender.Round(1, 0, 0), afterOutage, () -> "sent once SMTP is back; outbox: "
                + StaffDatabase.text("SELECT string_agg(attempts || ' ' || (failed_at IS NOT NULL) || ' ' || coalesce(last_error, '-'), '; ') FROM staff.mail_outbox"));
        assertTrue(GreenMailServer.server().waitForIncomingEmail(5_000, 1));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE failed_at IS NOT NULL"),
                "the one given up waits for an operator");
    }
}
