package dk.skp.intake.mail;

import dk.skp.model.mail.OutboxMail;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.intake.MailServer;
import dk.skp.intake.service.Housekeeping;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Reporter;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.ReporterRole;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mail through the outbox, end to end: concerns go in over HTTP, mails come out of a real SMTP server (GreenMail),
 * and the outbox table is read as it is.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = true)
class MailOutboxTest {
    /** On the management interface, not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String POLICE_EMAIL = "jens.hansen@politi.example";
    /** Everything a reporter writes in their own words, wherever it sits in the concern. */
    private static final List<String> FREE_TEXT_FIELDS = List.of("reporter.name", "reporter.organisation",
            "reporter.phone", "person.name", "person.appearance", "whereabouts.address", "whereabouts.placeDescription",
            "whereabouts.usualTimes", "observations.description", "observations.safetyNotes");

    @Inject
    SubmissionMails outbox;

    @Inject
    Housekeeping housekeeping;

    @Inject
    MailComposer composer;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void aNamedReporterGetsAReceiptWithTheReferenceAndNothingOfTheConcern() throws Exception {
        ObjectNode concern = police();
        ((ObjectNode) concern.get("observations")).put("safetyNotes", "Keeps a dog called Bastian in the tent");
        String reference = submit(concern, null);

        MimeMessage mail = MailServer.awaitMail(POLICE_EMAIL, reference, WAIT);
        assertEquals("We have received your concern (" + reference + ")", mail.getSubject());
        assertEquals("[" + POLICE_EMAIL + "]", MailServer.recipients(mail), "only the reporter");
        String text = MailServer.text(mail);
        assertTrue(text.contains("its reference is " + reference), text);
        assertTrue(text.contains("The team will assess your concern"), text);
        assertTrue(text.contains("If someone is in acute danger, call 112."), text);
        String lines = text.replace("\r\n", "\n");
        assertTrue(lines.contains("Kind regards\nSKP, the support and contact person scheme\nEmployment and Social Services, Odense Municipality\n\n"),
                "the team of the municipality's profile, and no phone line when it has none: " + text);
        assertTrue(text.contains("the team keeps no case journal") && text.contains("90 days later"), "what is kept: " + text);
        assertNothingOf(concern, mail);

        String metrics = given().when().get(this.metrics).then().statusCode(200).extract().asString();
        assertTrue(gauge(metrics, "skp_intake_mail_sent_total\\{kind=\"RECEIPT\"[^}]*}") >= 1, "sent counter");
        assertTrue(metrics.contains("skp_intake_mail_outbox_pending"), "pending gauge");
    }

    @ParameterizedTest(name = "report language {0}, Accept-Language {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "en, -,  We have received your concern",
            "-,  -,  Vi har modtaget din henvendelse",
            "-,  en, We have received your concern",
            "da, en, Vi har modtaget din henvendelse" })
    void aConfidentialReporterGetsTheReceiptInTheReportsLanguageElseTheRequestsElseDanish(String language,
            String acceptLanguage, String expectedSubject) throws Exception {
        ObjectNode concern = police();
        ((ObjectNode) concern.get("reporter")).put("anonymity", "CONFIDENTIAL");
        concern.put("language", language);
        String reference = submit(concern, acceptLanguage);

        MimeMessage mail = MailServer.awaitMail(POLICE_EMAIL, reference, WAIT);
        assertEquals(expectedSubject + " (" + reference + ")", mail.getSubject());
        String text = MailServer.text(mail);
        assertTrue(text.contains(reference), text);
        assertTrue(text.contains(expectedSubject.startsWith("Vi") ? "ring 112" : "call 112"), text);
        assertNothingOf(concern, mail);
    }

    @Test
    void anAnonymousReporterGetsNoMail() throws Exception {
        String anonymous = submit(json(Examples.ANONYMOUS_NEIGHBOUR), null);
        assertTrue(outboxRows(anonymous).isEmpty(), "nothing promised in the submission's transaction");

        // The sender works oldest first: once a later receipt has arrived, anything for the first would have too.
        String later = submit(police(), null);
        MailServer.awaitMail(POLICE_EMAIL, later, WAIT);
        assertTrue(MailServer.received().stream()
                .noneMatch(m -> MailServer.subject(m).contains(anonymous) || MailServer.text(m).contains(anonymous)));
    }

    @Test
    void anonymousMeansNoReceiptEvenWithAnAddress() {
        Reporter anonymousWithAddress = new Reporter(ReporterRole.NEIGHBOUR, Anonymity.ANONYMOUS, null, null, null,
                "someone@example.org", false);
        assertTrue(SubmissionMails.receiptAddress(anonymousWithAddress).isEmpty());
        Reporter confidential = new Reporter(ReporterRole.NEIGHBOUR, Anonymity.CONFIDENTIAL, null, null, null,
                " someone@example.org ", false);
        assertEquals("someone@example.org", SubmissionMails.receiptAddress(confidential).orElseThrow());
    }

    @Test
    void anUrgentConcernAlertsTheTeamWithTheReferenceOnly() throws Exception {
        ObjectNode concern = json(Examples.ANONYMOUS_NEIGHBOUR);
        concern.put("urgency", "URGENT");
        String reference = submit(concern, null);

        MimeMessage alert = MailServer.awaitMail(MailServer.TEAM_INBOX, reference, WAIT);
        assertEquals("Haster: ny henvendelse (" + reference + ")", alert.getSubject());
        String text = MailServer.text(alert);
        assertTrue(text.contains("Reference: " + reference), text);
        assertTrue(text.contains("https://skp.kommune.test/concerns?reference=" + reference), text);
        assertFalse(text.contains("112"), "no acute danger here: " + text);
        assertNothingOf(concern, alert);
        assertEquals(1, MailServer.received().stream().filter(m -> MailServer.subject(m).contains(reference)).count(),
                "an anonymous reporter gets no receipt");
    }

    @Test
    void acuteDangerAlertsTheTeamAndTheReporterStillGetsAReceipt() throws Exception {
        ObjectNode concern = police();
        concern.put("acuteDanger", true);
        String reference = submit(concern, null);

        MimeMessage alert = MailServer.awaitMail(MailServer.TEAM_INBOX, reference, WAIT);
        assertEquals("Akut fare: ny henvendelse (" + reference + ")", alert.getSubject());
        assertTrue(MailServer.text(alert).contains("markeret med akut fare"), MailServer.text(alert));
        assertTrue(MailServer.text(alert).contains("Anmelderen har fået besked på at ringe 112."), MailServer.text(alert));
        assertNothingOf(concern, alert);
        MimeMessage receipt = MailServer.awaitMail(POLICE_EMAIL, reference, WAIT);
        assertNothingOf(concern, receipt);
    }

    @Test
    void teamAlertsCanBeInEnglish() {
        Mail mail = composer.compose(new OutboxMail(0L, "TEAM_ALERT", "SKP-7K4M-2QXD", MailServer.TEAM_INBOX,
                SubmissionMails.content("en", false), 0));
        assertEquals("Urgent: new concern (SKP-7K4M-2QXD)", mail.getSubject());
        assertTrue(mail.getText().contains("A new concern is flagged as urgent."), mail.getText());
        assertTrue(mail.getText().contains("Open the concern: https://skp.kommune.test/concerns?reference=SKP-7K4M-2QXD"),
                mail.getText());
        assertEquals(List.of("auto-generated"), mail.getHeaders().get("Auto-Submitted"));
    }

    @Test
    void duringAnSmtpOutageConcernsAreStillAcceptedAndTheMailFollowsWhenTheServerIsBack() throws Exception {
        String reference;
        MailServer.goDown();
        try {
            reference = submit(police(), null);
            OutboxRow waiting = awaitRow(reference, row -> row.attempts() > 0);
            assertEquals("RECEIPT", waiting.kind());
            assertEquals(POLICE_EMAIL, waiting.recipient(), "kept while the mail is pending");
            assertNull(waiting.failedAt());
            assertFalse(waiting.lastError().contains("@"), waiting.lastError());
        } finally {
            MailServer.comeBack();
        }
        MimeMessage mail = MailServer.awaitMail(POLICE_EMAIL, reference, WAIT);
        assertTrue(MailServer.text(mail).contains(reference));

        // Sent means gone, address and all.
        awaitTrue(() -> outboxRows(reference).isEmpty(), "the sent mail's row is deleted");
        awaitTrue(() -> count("SELECT count(*) FROM intake.mail_outbox WHERE recipient IS NOT NULL") == 0,
                "no address left in the outbox");
    }

    @Test
    void aMailThatCannotBeSentIsGivenUpAndItsAddressErased() throws Exception {
        String reference;
        OutboxRow parked;
        MailServer.goDown();
        try {
            reference = submit(police(), null);
            parked = awaitRow(reference, row -> row.failedAt() != null);
        } finally {
            MailServer.comeBack();
        }
        assertEquals("RECEIPT", parked.kind());
        assertEquals("en", parked.language());
        assertEquals(6, parked.attempts(), "skp.intake.mail.outbox.max-attempts in the test profile");
        assertNull(parked.recipient(), "the address is erased");
        assertFalse(parked.lastError().isBlank());
        assertFalse(parked.lastError().contains("@"), parked.lastError());
        assertEquals(0, count("SELECT count(*) FROM intake.mail_outbox WHERE recipient = '" + POLICE_EMAIL
                + "' AND failed_at IS NOT NULL"));

        awaitTrue(() -> gauge(given().when().get(this.metrics).then().extract().asString(),
                "skp_intake_mail_outbox_given_up(?:\\{[^}]*})?") >= 1, "the given-up gauge counts it");
        assertTrue(gauge(given().when().get(this.metrics).then().extract().asString(),
                "skp_intake_mail_failed_total\\{kind=\"RECEIPT\",outcome=\"given-up\"[^}]*}") >= 1);

        // An operator has the profile's erase-after (P90D) to look at it; then it goes, as the concern's personal data
        // goes at staff: nothing about a concern outlives that.
        housekeeping.forgetGivenUpMails(Instant.now().plus(89, ChronoUnit.DAYS));
        assertEquals(1, count("SELECT count(*) FROM intake.mail_outbox WHERE reference = '" + reference + "'"));
        housekeeping.forgetGivenUpMails(Instant.now().plus(91, ChronoUnit.DAYS));
        assertEquals(0, count("SELECT count(*) FROM intake.mail_outbox WHERE reference = '" + reference + "'"));
    }

    @Test
    void aConcernIsAcceptedOnlyTogetherWithItsMails() throws Exception {
        long queued = IntakeDatabase.queued();
        try (Connection admin = IntakeDatabase.database().admin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER TABLE intake.mail_outbox ADD CONSTRAINT refuse_everything CHECK (false) NOT VALID");
        }
        try {
            given().contentType(ContentType.JSON).body(police().toString())
                    .when().post("/api/v1/concerns").then().statusCode(503);
        } finally {
            try (Connection admin = IntakeDatabase.database().admin(); Statement sql = admin.createStatement()) {
                sql.execute("ALTER TABLE intake.mail_outbox DROP CONSTRAINT refuse_everything");
            }
        }
        assertEquals(queued, IntakeDatabase.queued(), "the queue message was rolled back with the outbox row");
    }

    @Test
    void theOutboxTakesMailsOnlyInsideTheSubmissionsTransaction() throws Exception {
        ConcernReport report = objectMapper.readValue(Examples.read(Examples.POLICE_PARTNER), ConcernReport.class);
        assertThrows(TransactionalException.class,
                () -> outbox.enqueueAfterSubmission(report, "SKP-0000-0000", Locale.ENGLISH));
        assertTrue(outboxRows("SKP-0000-0000").isEmpty());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static ObjectNode json(String example) throws Exception {
        return (ObjectNode) JSON.readTree(Examples.read(example));
    }

    /** NAMED, with an address, in English. */
    private static ObjectNode police() throws Exception {
        return json(Examples.POLICE_PARTNER);
    }

    private static String submit(JsonNode concern, String acceptLanguage) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(concern.toString());
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.when().post("/api/v1/concerns").then().statusCode(202).extract().path("reference");
    }

    /** No free text of the concern in the mail: not decoded, not as it travelled. */
    private static void assertNothingOf(JsonNode concern, MimeMessage mail) {
        List<String> texts = new ArrayList<>();
        for (String field : FREE_TEXT_FIELDS) {
            JsonNode value = concern.at("/" + field.replace('.', '/'));
            if (value.isTextual() && !value.asText().isBlank()) {
                texts.add(value.asText());
            }
        }
        assertTrue(texts.size() >= 3, "the example should carry free text: " + texts);
        String readable = MailServer.subject(mail) + "\n" + MailServer.text(mail);
        String raw = MailServer.raw(mail);
        for (String text : texts) {
            assertFalse(readable.contains(text), "the mail repeats \"" + text + "\":\n" + readable);
            assertFalse(raw.contains(text), "the raw mail repeats \"" + text + "\"");
        }
    }

    record OutboxRow(String kind, String language, String recipient, int attempts, String lastError,
            java.time.OffsetDateTime failedAt) {
    }

    /** Read as intake's own role, the table's owner. */
    private static List<OutboxRow> outboxRows(String reference) {
        try (Connection c = IntakeDatabase.database().asIntake(); PreparedStatement select = c.prepareStatement("""
                SELECT kind, language, recipient, attempts, last_error, failed_at
                  FROM intake.mail_outbox WHERE reference = ? ORDER BY id""")) {
            select.setString(1, reference);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new OutboxRow(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                            r.getObject(6, java.time.OffsetDateTime.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutboxRow awaitRow(String reference, Predicate<OutboxRow> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<OutboxRow> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = outboxRows(reference);
            if (rows.size() == 1 && condition.test(rows.get(0))) {
                return rows.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("outbox rows for " + reference + " never met the condition: " + rows);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    private static long count(String sql) {
        try (Connection c = IntakeDatabase.database().asIntake(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the first Prometheus sample whose name and labels match {@code series}; NaN when absent. */
    private static double gauge(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([-+0-9.eE]+|NaN)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
