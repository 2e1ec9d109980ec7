package dk.skp.staff.questions;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.etag;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.referenceOf;
import static dk.skp.staff.ConcernSteps.reporterAskedForUpdates;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Reporter;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.message.ReporterAnswered;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueSettings;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.staff.GreenMailServer;
import dk.skp.staff.MailContent;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.mail.MailSender;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import dk.skp.staff.queue.ReporterAnsweredConsumer;
import dk.skp.staff.retention.ConcernRetention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A coordinator asks the reporter; the answer comes back through the queue as intake sends it (with intake's role:
 * the question marked answered and the message enqueued in one transaction), and shows on the concern. Every rule
 * through HTTP with real tokens, a real queue and a real SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GreenMailServer.class, restrictToAnnotatedClass = true)
class ReporterQuestionResourceTest {
    /** On the management interface, not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;


    private static final String QUESTION = "Is there a time of day when he is usually at the bench?";
    private static final String ANSWER = "Mornings before nine, nearly every day. He likes coffee.";

    @Inject
    ConcernSubmittedConsumer consumer;

    @Inject
    ReporterAnsweredConsumer answers;

    @Inject
    MailSender sender;

    @Inject
    ConcernRetention retention;

    private static String questions(String id) {
        return "/api/v1/concerns/" + id + "/questions";
    }

    private static String ask(String question) {
        return "{\"question\": \"" + question + "\"}";
    }

    /** A concern whose reporter is anonymous: no name, no contact data; with a passcode if they asked for updates. */
    private String anonymousConcern(boolean withPasscode) {
        ConcernReport f = Messages.fixture().concern();
        ConcernReport report = new ConcernReport(
                new Reporter(ReporterRole.NEIGHBOUR, Anonymity.ANONYMOUS, null, null, null, null, withPasscode),
                f.person(), f.whereabouts(), f.observations(), f.urgency(), f.acuteDanger(), "en");
        String id = receive(consumer, ConcernSubmitted.v1(UUID.randomUUID(), ReferenceNumber.next(), Instant.now(),
                Channel.WEB_FORM, null, report));
        if (withPasscode) {
            reporterAskedForUpdates(referenceOf(id));
        }
        return id;
    }

    private static JsonPath details(String id) {
        return given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The open question as intake reads it, with intake's role and only the columns granted to it. */
    private static UUID openQuestionAsIntake(String reference) {
        try (Connection intake = StaffDatabase.database().asIntake(); PreparedStatement select = intake.prepareStatement(
                "SELECT id, question, asked_at FROM exchange.reporter_question WHERE reference = ? AND answered_at IS NULL")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What intake does when the reporter answers: marks the question answered and enqueues the answer, in one transaction. */
    private static void answerAsIntake(String reference, UUID questionId, String answer) {
        try (Connection intake = StaffDatabase.database().asIntake()) {
            intake.setAutoCommit(false);
            try (PreparedStatement mark = intake.prepareStatement(
                    "UPDATE exchange.reporter_question SET answered_at = now() WHERE id = ? AND answered_at IS NULL")) {
                mark.setObject(1, questionId);
                assertEquals(1, mark.executeUpdate());
            }
            ReporterAnswered message = ReporterAnswered.v1(UUID.randomUUID(), reference, questionId, Instant.now(), answer, "en");
            new PgQueue(QueueSettings.defaults()).enqueue(intake, ReporterAnswered.TOPIC, message.messageId(),
                    StaffDatabase.sealedAsIntake(ReporterAnswered.TOPIC, message.messageId(), MessageCodec.encode(message)));
            intake.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drains the answers' topic until the concern shows the answer (the service's own listener may be first). */
    private JsonPath awaitAnswer(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            answers.drainNow();
            // Read as the queue left it (a coordinator's read would mark the answer read).
            if (StaffDatabase.count("SELECT count(*) FROM staff.concern_question WHERE concern_id = '" + id
                    + "' AND answer IS NOT NULL") > 0) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the answer did not reach the concern within 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static boolean inboxFlagsUnreadAnswer(String id) {
        List<Boolean> flags = given().auth().oauth2(COORDINATOR).queryParam("limit", 100).when().get("/api/v1/concerns/inbox")
                .then().statusCode(200).extract().path("items.findAll { it.concern.id == '" + id + "' }.unreadAnswer");
        assertEquals(1, flags.size(), "the concern is in the inbox");
        return flags.get(0);
    }

    private static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> mailsTo(String address, String reference) {
        return Arrays.stream(GreenMailServer.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(reference);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anAnonymousReporterIsAskedOnTheStatusPageAndTheAnswerReachesTheConcernAndTheTeam() throws Exception {
        String id = anonymousConcern(true);
        String reference = referenceOf(id);
        details(id).getList("reporterQuestions.reachableBy").forEach(c -> assertEquals("STATUS_PAGE", c));

        var asked = change(COORDINATOR, "POST", questions(id), etag(id), ask(QUESTION)).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("reporterQuestions.openQuestion", equalTo(true))
                .body("reporterQuestions.items", hasSize(1))
                .body("reporterQuestions.items[0].question", equalTo(QUESTION))
                .body("reporterQuestions.items[0].toldBy", contains("STATUS_PAGE"))
                .body("reporterQuestions.items[0].askedBy", equalTo("coordinator-1"))
                .body("reporterQuestions.items[0].answer", nullValue())
                .body("history.action", hasItem("QUESTION_ASKED"))
                .extract();
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'QUESTION_ASKED' "
                + "AND concern_id = '" + id + "'"));
        // An anonymous reporter left no address: nobody is mailed, nothing about them is learnt.
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE reference = '" + reference + "'"));
        UUID questionId = openQuestionAsIntake(reference);
        assertEquals(UUID.fromString(asked.path("reporterQuestions.items[0].id")), questionId);

        answerAsIntake(reference, questionId, ANSWER);
        awaitAnswer(id);
        assertTrue(inboxFlagsUnreadAnswer(id), "the inbox shows that an answer came in");

        JsonPath after = details(id);
        assertEquals(ANSWER, after.getString("reporterQuestions.items[0].answer"));
        assertNotNull(after.getString("reporterQuestions.items[0].answeredAt"));
        assertNotNull(after.getString("reporterQuestions.items[0].answerReadAt"));
        assertFalse(after.getBoolean("reporterQuestions.openQuestion"));
        assertEquals("REPORTER_ANSWERED", after.getString("history[-1].action"));
        assertEquals(null, after.getString("history[-1].actor"), "the reporter is nobody on the team");
        assertFalse(inboxFlagsUnreadAnswer(id), "read once the concern was opened");

        // The team is told: nobody holds the concern, so the coordinators' inbox; the reference and a link, no answer.
        sender.sendDue(Instant.now());
        List<MimeMessage> told = mailsTo(GreenMailServer.COORDINATORS_INBOX, reference);
        assertEquals(1, told.size());
        String body = text(told.get(0));
        assertEquals(List.of(MailContent.LINK_BASE + id), MailContent.all(MailContent.LINKS, body));
        assertFalse(body.contains("Mornings") || body.contains("coffee") || body.contains("bench"), body);

        // A redelivered answer changes nothing.
        ReporterAnswered again = ReporterAnswered.v1(UUID.randomUUID(), reference, questionId, Instant.now(), "Other", "en");
        try (Connection intake = StaffDatabase.database().asIntake()) {
            new PgQueue(QueueSettings.defaults()).enqueue(intake, ReporterAnswered.TOPIC, again.messageId(),
                    StaffDatabase.sealedAsIntake(ReporterAnswered.TOPIC, again.messageId(), MessageCodec.encode(again)));
        }
        answers.drainNow();
        assertEquals(ANSWER, details(id).getString("reporterQuestions.items[0].answer"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'REPORTER_ANSWERED' "
                + "AND concern_id = '" + id + "'"));

        // Answered: the team may ask again.
        change(COORDINATOR, "POST", questions(id), etag(id), ask("And in the evenings?")).then().statusCode(200)
                .body("reporterQuestions.items", hasSize(2));
    }

    @Test
    void onlyOneQuestionIsOpenAtATime() {
        String id = anonymousConcern(true);
        change(COORDINATOR, "POST", questions(id), etag(id), ask(QUESTION)).then().statusCode(200);
        change(COORDINATOR, "POST", questions(id), etag(id), ask("A second one?")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("still waiting for an answer"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM exchange.reporter_question WHERE reference = '"
                + referenceOf(id) + "'"));
    }

    @Test
    void aReporterWhoCanBeReachedNeitherByPasscodeNorByMailCannotBeAsked() {
        String id = anonymousConcern(false);
        assertTrue(details(id).getList("reporterQuestions.reachableBy").isEmpty());
        change(COORDINATOR, "POST", questions(id), etag(id), ask(QUESTION)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot be asked"));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "da").header("If-Match", etag(id))
                .contentType("application/json").body(ask(QUESTION)).when().post(questions(id))
                .then().statusCode(409).body("detail", containsString("kan ikke spørges"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern_question WHERE concern_id = '" + id + "'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'QUESTION_ASKED' "
                + "AND concern_id = '" + id + "'"));
    }

    @Test
    void aReporterWhoLeftAnAddressGetsAMailWithTheReferenceOnly() throws Exception {
        // The fixture's police officer left an e-mail address and holds no passcode here.
        String id = receive(consumer);
        String reference = referenceOf(id);
        change(COORDINATOR, "POST", questions(id), etag(id), ask(QUESTION)).then().statusCode(200)
                .body("reporterQuestions.items[0].toldBy", contains("EMAIL"));
        sender.sendDue(Instant.now());
        List<MimeMessage> mails = mailsTo("jens.hansen@politi.example", reference);
        assertEquals(1, mails.size());
        String body = text(mails.get(0));
        assertTrue(body.contains(reference), body);
        assertTrue(body.contains("https://skp.example-kommune.dk/status"), "where to look: " + body);
        // Without the passcode, whom to ask: the team of the municipality's profile (the test profile is Odense's).
        assertTrue(body.contains("Odense"), "the team of the profile: " + body);
        assertFalse(body.contains("bench") || body.contains("time of day"), "never the question: " + body);
        for (String content : MailContent.FIXTURE_CONTENT) {
            assertFalse(body.contains(content), content + " in " + body);
        }
        assertEquals("en", mails.get(0).getSubject().startsWith("SKP: A question") ? "en" : "da",
                "in the reporter's language");
    }

    @Test
    void theAnswerToAnAssignedConcernGoesToItsContactPerson() throws Exception {
        String id = anonymousConcern(true);
        triage(id, "Spørge-Nord");
        assign(id, contactPerson("cp-sofie", "Sofie Sand", "[\"Spørge-Nord\"]", 10, null));
        change(COORDINATOR, "POST", questions(id), etag(id), ask(QUESTION)).then().statusCode(200);
        String reference = referenceOf(id);
        answerAsIntake(reference, openQuestionAsIntake(reference), ANSWER);
        awaitAnswer(id);
        sender.sendDue(Instant.now());
        assertEquals(1, mailsTo("cp-sofie@skp.example", reference).stream()
                .filter(m -> text(m).contains("/concerns/" + id) && text(m).contains("har svaret")).count());
        // She reads it too: the contact person holding the concern sees the questions and answers.
        given().auth().oauth2(Tokens.of("contact-person", "cp-sofie")).when().get("/api/v1/concerns/" + id)
                .then().statusCode(200).body("reporterQuestions.items[0].answer", equalTo(ANSWER));
    }

    @Test
    void badQuestionsAreRefusedAndChangeNothing() {
        String id = anonymousConcern(true);
        String etag = etag(id);
        change(COORDINATOR, "POST", questions(id), etag, ask("   ")).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("question"));
        change(COORDINATOR, "POST", questions(id), etag, ask("x".repeat(501))).then().statusCode(422)
                .body("errors[0].field", equalTo("question")).body("errors[0].message", containsString("500"));
        change(COORDINATOR, "POST", questions(id), etag, "{}").then().statusCode(422);
        change(COORDINATOR, "POST", questions(id), null, ask(QUESTION)).then().statusCode(428);
        change(COORDINATOR, "POST", questions(id), "\"999\"", ask(QUESTION)).then().statusCode(412);
        change(Tokens.of("contact-person", "cp-someone"), "POST", questions(id), etag, ask(QUESTION)).then().statusCode(403);
        change(COORDINATOR, "POST", questions(UUID.randomUUID().toString()), etag, ask(QUESTION)).then().statusCode(404);
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern_question WHERE concern_id = '" + id + "'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM exchange.reporter_question WHERE reference = '"
                + referenceOf(id) + "'"));
        assertEquals(etag, etag(id), "the concern did not change");
    }

    @Test
    void retentionErasesQuestionsAndAnswersOnBothSides() throws Exception {
        String id = anonymousConcern(true);
        String reference = referenceOf(id);
        change(COORDINATOR, "POST", questions(id), etag(id), ask(QUESTION)).then().statusCode(200);
        answerAsIntake(reference, openQuestionAsIntake(reference), ANSWER);
        awaitAnswer(id);
        change(COORDINATOR, "POST", questions(id), etag(id), ask("One more, left open")).then().statusCode(200);
        triage(id, "Spørge-Syd");
        change(COORDINATOR, "POST", "/api/v1/concerns/" + id + "/close", etag(id),
                "{\"reason\": \"DECLINED\"}").then().statusCode(200);
        retention.erase(Clock.fixed(Instant.now().plus(400, ChronoUnit.DAYS), ZoneOffset.UTC));

        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern_question WHERE concern_id = '" + id + "'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM exchange.reporter_question WHERE reference = '"
                + reference + "'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern c WHERE id = '" + id
                + "' AND c::text ILIKE '%Mornings%'"));
        details(id).getList("reporterQuestions.items").forEach(q -> {
            throw new AssertionError("a question survived: " + q);
        });
        assertTrue(details(id).getList("reporterQuestions.reachableBy").isEmpty());
        // An answer still on its way when the concern was erased is dropped, not stored.
        ReporterAnswered late = ReporterAnswered.v1(UUID.randomUUID(), reference, UUID.randomUUID(), Instant.now(), ANSWER, "en");
        try (Connection intake = StaffDatabase.database().asIntake()) {
            new PgQueue(QueueSettings.defaults()).enqueue(intake, ReporterAnswered.TOPIC, late.messageId(),
                    StaffDatabase.sealedAsIntake(ReporterAnswered.TOPIC, late.messageId(), MessageCodec.encode(late)));
        }
        answers.drainNow();
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + late.messageId() + "'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern_question WHERE answer = '" + ANSWER
                + "' AND concern_id = '" + id + "'"));
        change(COORDINATOR, "POST", questions(id), etag(id), ask(QUESTION)).then().statusCode(409);
    }

    /** An answer this version cannot read is parked as dead, counted under its own topic, its text kept out of the error. */
    @Test
    void anUnreadableAnswerIsParkedAsDeadAndCountedUnderItsTopic() throws Exception {
        UUID id = UUID.randomUUID();
        String future = MessageCodec.encode(ReporterAnswered.v1(id, "SKP-7K4M-2QXD", UUID.randomUUID(), Instant.now(),
                "Secret words of the reporter", "da")).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        try (Connection intake = StaffDatabase.database().asIntake()) {
            new PgQueue(QueueSettings.defaults()).enqueue(intake, ReporterAnswered.TOPIC, id,
                    StaffDatabase.sealedAsIntake(ReporterAnswered.TOPIC, id, future));
        }
        // The service's own listener takes it (woken by the enqueue), three attempts without backoff in tests.
        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id
                + "' AND dead_at IS NOT NULL AND last_error LIKE '%unsupported schemaVersion 2%'") == 1);
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE last_error LIKE '%Secret%'"));
        dk.skp.staff.Await.until(() -> given().when().get(this.metrics).then().extract().asString()
                .contains("skp_queue_dead{topic=\"reporter-answered\"} 1.0"));
    }

    /**
     * Intake's role, as staff's migration left it: it may read the open question's columns and set answered_at, and
     * nothing else, least of all the answers, which are in staff's schema.
     */
    @Test
    void theIntakeRoleCannotReadAnswersNorChangeQuestions() throws SQLException {
        try (Connection intake = StaffDatabase.database().asIntake(); Statement sql = intake.createStatement()) {
            sql.executeQuery("SELECT id, reference, question, asked_at, answered_at FROM exchange.reporter_question").close();
            assertDenied(() -> sql.executeQuery("SELECT answer FROM staff.concern_question"));
            assertDenied(() -> sql.executeQuery("SELECT count(*) FROM staff.concern_question"));
            assertDenied(() -> sql.executeQuery("SELECT * FROM staff.concern"));
            assertDenied(() -> sql.executeQuery("SELECT * FROM staff.audit_event"));
            assertDenied(() -> sql.executeQuery("SELECT * FROM staff.mail_outbox"));
            assertDenied(() -> sql.executeUpdate("UPDATE exchange.reporter_question SET question = 'x'"));
            assertDenied(() -> sql.executeUpdate("UPDATE exchange.reporter_question SET reference = 'x'"));
            assertDenied(() -> sql.executeUpdate("DELETE FROM exchange.reporter_question"));
            assertDenied(() -> sql.executeUpdate("INSERT INTO exchange.reporter_question (id, reference, question, asked_at) "
                    + "VALUES (gen_random_uuid(), 'SKP-0000-0000', 'x', now())"));
            assertDenied(() -> sql.executeQuery("SELECT payload FROM queue.message WHERE topic = 'reporter-answered'"));
        }
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable statement) {
        SQLException denied = assertThrows(SQLException.class, statement);
        assertEquals("42501", denied.getSQLState(), "expected insufficient_privilege, got: " + denied.getMessage());
    }
}
