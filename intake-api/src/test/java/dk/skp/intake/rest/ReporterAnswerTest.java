package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.message.ReporterAnswered;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The team's question on the status page and the reporter's one answer, through the JSON API and the web form's
 * status page. Staff's side (the question, reading the queue) is played with staff's own database role.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class ReporterAnswerTest {

    private static final String QUESTION = "Is there a time of day when he is usually at the bench?";

    /** An anonymous neighbour who asked for status updates: reference and passcode. */
    private static String[] anonymousWithPasscode() {
        String body = Examples.read(Examples.ANONYMOUS_NEIGHBOUR).replace("\"wantsStatusUpdates\": false",
                "\"wantsStatusUpdates\": true");
        Response receipt = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/concerns")
                .then().statusCode(202).body("passcode", notNullValue()).extract().response();
        return new String[] { receipt.path("reference"), receipt.path("passcode") };
    }

    /** What staff does when a coordinator asks: a row in exchange.reporter_question, with staff's role. */
    private static UUID ask(String reference, String question) {
        UUID id = UUID.randomUUID();
        assertEquals(1, IntakeDatabase.asStaff("INSERT INTO exchange.reporter_question (id, reference, question, asked_at) "
                + "VALUES ('" + id + "', '" + reference + "', '" + question.replace("'", "''") + "', now())"));
        return id;
    }

    private static Response status(String reference, String passcode) {
        return given().header("Passcode", passcode).header("Accept-Language", "en")
                .when().get("/api/v1/concerns/" + reference + "/status");
    }

    private static Response answer(String reference, String passcode, Object questionId, String answer, String language) {
        String json = "{\"questionId\": " + (questionId == null ? "null" : "\"" + questionId + "\"") + ", \"answer\": "
                + (answer == null ? "null" : "\"" + answer + "\"") + "}";
        return given().header("Passcode", passcode).header("Accept-Language", language).contentType(ContentType.JSON)
                .body(json).when().post("/api/v1/concerns/" + reference + "/answers");
    }

    private static List<ReporterAnswered> answersOnTheQueue(String reference) {
        List<ReporterAnswered> found = new ArrayList<>();
        for (String json : IntakeDatabase.queuedOpened(ReporterAnswered.TOPIC)) {
            ReporterAnswered a = MessageCodec.decodeAnswer(json);
            if (a.reference().equals(reference)) {
                found.add(a);
            }
        }
        return found;
    }

    private static String value(String query) {
        try (Connection staff = IntakeDatabase.database().asStaff(); Statement sql = staff.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String answeredAt(UUID questionId) {
        return value("SELECT answered_at FROM exchange.reporter_question WHERE id = '" + questionId + "'");
    }

    @Test
    void theReporterSeesTheOpenQuestionWithTheStatusAndAnswersOnce() {
        String[] r = anonymousWithPasscode();
        status(r[0], r[1]).then().statusCode(200).body("size()", equalTo(1)).body("status", equalTo("RECEIVED"));

        UUID questionId = ask(r[0], QUESTION);
        status(r[0], r[1]).then().statusCode(200).header("Cache-Control", "no-store")
                .body("status", equalTo("RECEIVED"))
                .body("question.id", equalTo(questionId.toString()))
                .body("question.text", equalTo(QUESTION))
                .body("question.askedAt", notNullValue());

        answer(r[0], r[1], questionId, "  Mornings before nine.  ", "en").then().statusCode(202)
                .header("Cache-Control", "no-store").body("answeredAt", notNullValue()).body("size()", equalTo(1));
        List<ReporterAnswered> sent = answersOnTheQueue(r[0]);
        assertEquals(1, sent.size());
        assertEquals(questionId, sent.get(0).questionId());
        assertEquals("Mornings before nine.", sent.get(0).answer());
        assertEquals("en", sent.get(0).language());
        assertEquals("0", value("SELECT count(*) FROM queue.message WHERE topic = 'reporter-answered' AND (payload::text "
                + "LIKE '%Mornings%' OR payload::text LIKE '%" + r[0] + "%' OR NOT payload ? 'sealed')"),
                "the answer is sealed to staff's key before it is queued: its row holds neither answer nor reference");
        assertNotNull(answeredAt(questionId));
        // Answered: the status page shows no question any more, and the answer cannot be read back.
        status(r[0], r[1]).then().statusCode(200).body("size()", equalTo(1)).body(not(containsString("Mornings")));

        // Once only: a second answer is refused, and nothing more goes to staff.
        answer(r[0], r[1], questionId, "Also in the evenings.", "en").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("answered already"));
        answer(r[0], r[1], questionId, "Også om aftenen.", "da").then().statusCode(409)
                .body("detail", containsString("allerede besvaret"));
        assertEquals(1, answersOnTheQueue(r[0]).size());
    }

    @Test
    void concurrentAnswersToOneQuestionSendOneAnswer() throws Exception {
        String[] r = anonymousWithPasscode();
        UUID questionId = ask(r[0], QUESTION);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String text = "Answer number " + i;
                tries.add(() -> answer(r[0], r[1], questionId, text, "en").statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tries)) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 202).count(), codes.toString());
            assertEquals(5, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, answersOnTheQueue(r[0]).size());
    }

    @Test
    void aGuesserCannotTellAWrongPasscodeFromAnUnknownReferenceOrAMissingQuestion() {
        String[] r = anonymousWithPasscode();
        UUID questionId = ask(r[0], QUESTION);
        String wrong = answer(r[0], "AAAA-BBBB-CC", questionId, "Hello", "en").then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String unknown = answer("SKP-0000-0000", "AAAA-BBBB-CC", questionId, "Hello", "en").then().statusCode(404)
                .extract().asString();
        assertEquals(wrong.replace(r[0], "X"), unknown.replace("SKP-0000-0000", "X"));
        String[] noQuestion = anonymousWithPasscode();
        String none = answer(noQuestion[0], "AAAA-BBBB-CC", questionId, "Hello", "en").then().statusCode(404).extract().asString();
        assertEquals(wrong.replace(r[0], "X"), none.replace(noQuestion[0], "X"));
        given().contentType(ContentType.JSON).body("{\"questionId\": \"" + questionId + "\", \"answer\": \"Hi\"}")
                .when().post("/api/v1/concerns/" + r[0] + "/answers").then().statusCode(401);
        // With the right passcode, another concern's question is no question of this one.
        answer(noQuestion[0], noQuestion[1], questionId, "Hello", "en").then().statusCode(404);
        assertNull(answeredAt(questionId));
        assertTrue(answersOnTheQueue(r[0]).isEmpty());
    }

    @Test
    void wrongPasscodesOnAnswersCountTowardsTheLockOutAsLookUpsDo() {
        String[] r = anonymousWithPasscode();
        UUID questionId = ask(r[0], QUESTION);
        for (int i = 0; i < 5; i++) {
            answer(r[0], "WRNG-PASS-" + i + "0", questionId, "Guess", "en").then().statusCode(404);
        }
        // Locked: even the right passcode gets the same 404, for a look-up and for an answer.
        status(r[0], r[1]).then().statusCode(404);
        answer(r[0], r[1], questionId, "Right passcode, but locked", "en").then().statusCode(404);
        assertNull(answeredAt(questionId));
        assertTrue(answersOnTheQueue(r[0]).isEmpty());
    }

    @Test
    void badAnswersAreRefusedPerFieldInDanishOrEnglishAndChangeNothing() {
        String[] r = anonymousWithPasscode();
        UUID questionId = ask(r[0], QUESTION);
        answer(r[0], r[1], questionId, "   ", "en").then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("answer"))
                .body("errors[0].message", equalTo("is required"));
        answer(r[0], r[1], null, null, "da").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("questionId", "answer"))
                .body("errors.find { it.field == 'answer' }.message", equalTo("skal udfyldes"));
        answer(r[0], r[1], "not-an-id", "Hello", "en").then().statusCode(422).body("errors[0].field", equalTo("questionId"));
        // Longer than the documented maxLength (36), even if it is the id with spaces around it.
        answer(r[0], r[1], "  " + questionId + "  ", "Hello", "en").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("questionId"));
        answer(r[0], r[1], questionId, "x".repeat(2001), "en").then().statusCode(422)
                .body("errors[0].message", equalTo("must be at most 2000 characters long"));
        given().header("Passcode", r[1]).contentType(ContentType.JSON).body("{\"questionId\": \"" + questionId
                + "\", \"answer\": \"Hi\", \"extra\": 1}").when().post("/api/v1/concerns/" + r[0] + "/answers")
                .then().statusCode(400).contentType("application/problem+json");
        // Even with a wrong passcode, bad input is refused before the passcode is looked at: nothing is counted.
        answer(r[0], "WRNG-PASS-00", questionId, "", "en").then().statusCode(422);
        assertEquals("0", value("SELECT failed_attempts FROM exchange.reporter_status WHERE reference = '" + r[0] + "'"));
        assertNull(answeredAt(questionId));
        assertTrue(answersOnTheQueue(r[0]).isEmpty());
        // 2000 characters are fine.
        answer(r[0], r[1], questionId, "x".repeat(2000), "en").then().statusCode(202);
    }

    // --- the web form's status page (no JavaScript) -------------------------------------------------------------

    private static io.restassured.specification.RequestSpecification form() {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.URLENC)
                .defaultContentCharset("UTF-8"))).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static String hidden(String html, String name) {
        var m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }

    @Test
    void theStatusPageShowsTheQuestionAndTakesOneAnswerWithoutJavaScript() {
        String[] r = anonymousWithPasscode();
        given().when().get("/status").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"da\""), containsString("Status for din henvendelse"),
                        containsString("id=\"status-passcode\""));
        given().when().get("/status?lang=en").then().statusCode(200).body(containsString("Status of your concern"));

        // No question yet: the status only.
        form().formParam("language", "en").formParam("reference", r[0].toLowerCase()).formParam("passcode", r[1])
                .when().post("/status").then().statusCode(200)
                .body(containsString("data-status=\"RECEIVED\""), containsString("id=\"no-question\""),
                        not(containsString("answer-form")));

        UUID questionId = ask(r[0], "Does he have a dog? <b>not bold</b>");
        String page = form().formParam("language", "da").formParam("reference", r[0]).formParam("passcode", r[1])
                .when().post("/status").then().statusCode(200)
                .body(containsString("Et spørgsmål fra teamet"), containsString("Does he have a dog? &lt;b&gt;not bold&lt;/b&gt;"),
                        containsString("id=\"answer-form\""))
                .extract().asString();
        assertEquals(questionId.toString(), hidden(page, "questionId"));

        // An empty answer: the page again, the error at the field and in the summary; nothing sent.
        form().formParam("language", "da").formParam("reference", r[0]).formParam("passcode", r[1])
                .formParam("status", "RECEIVED").formParam("questionId", questionId.toString())
                .formParam("questionText", hidden(page, "questionText")).formParam("answer", "  ")
                .when().post("/answer").then().statusCode(422)
                .body(containsString("Dit svar er ikke sendt endnu"), containsString("id=\"status-answer-error\""),
                        containsString("skal udfyldes"), containsString("aria-invalid=\"true\""), containsString("Does he have a dog?"));
        assertNull(answeredAt(questionId));

        form().formParam("language", "da").formParam("reference", r[0]).formParam("passcode", r[1])
                .formParam("status", "RECEIVED").formParam("questionId", questionId.toString())
                .formParam("answer", "Ja, en lille hund. Æbler på trappen.")
                .when().post("/answer").then().statusCode(200)
                .body(containsString("Tak for dit svar"), containsString(r[0]));
        List<ReporterAnswered> sent = answersOnTheQueue(r[0]);
        assertEquals(1, sent.size());
        assertEquals("Ja, en lille hund. Æbler på trappen.", sent.get(0).answer());
        assertEquals("da", sent.get(0).language());

        // The same form sent again (a reload): already answered, said plainly.
        form().formParam("language", "en").formParam("reference", r[0]).formParam("passcode", r[1])
                .formParam("questionId", questionId.toString()).formParam("answer", "Again")
                .when().post("/answer").then().statusCode(409)
                .body(containsString("The question has been answered already"));
        assertEquals(1, answersOnTheQueue(r[0]).size());
    }

    @Test
    void theStatusPageSaysTheSameForAWrongPasscodeAndAnUnknownReference() {
        String[] r = anonymousWithPasscode();
        UUID questionId = ask(r[0], QUESTION);
        String wrong = form().formParam("language", "en").formParam("reference", r[0]).formParam("passcode", "AAAA-BBBB-CC")
                .when().post("/status").then().statusCode(404)
                .body(containsString("No status for this reference and passcode"), not(containsString(QUESTION)))
                .extract().asString();
        String unknown = form().formParam("language", "en").formParam("reference", "SKP-0000-0000")
                .formParam("passcode", "AAAA-BBBB-CC").when().post("/status").then().statusCode(404).extract().asString();
        assertEquals(wrong.replace(r[0], "X"), unknown.replace("SKP-0000-0000", "X"));
        form().formParam("language", "en").formParam("reference", r[0]).formParam("passcode", "AAAA-BBBB-CC")
                .formParam("questionId", questionId.toString()).formParam("answer", "A guess")
                .when().post("/answer").then().statusCode(404).body(containsString("No status for this reference"));
        form().formParam("language", "en").formParam("reference", "").formParam("passcode", "")
                .when().post("/status").then().statusCode(422)
                .body(containsString("The status could not be shown"), containsString("href=\"#status-reference\""),
                        containsString("href=\"#status-passcode\""));
        assertNull(answeredAt(questionId));
        assertFalse(answersOnTheQueue(r[0]).size() > 0);
    }
}
