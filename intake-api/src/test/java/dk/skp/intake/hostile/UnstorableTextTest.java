package dk.skp.intake.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.intake.protection.SpamGuard;
import dk.skp.intake.web.FormPosts;
import dk.skp.model.hostile.Hostile;
import dk.skp.model.hostile.LogCapture;
import dk.skp.model.hostile.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text PostgreSQL cannot store is the client's error, named by field, never a 503; and what a client sent never
 * reaches the log, not even inside a database error's detail.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class UnstorableTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SpamGuard guard;

    private static ObjectNode neighbour() throws Exception {
        return (ObjectNode) JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
    }

    @Test
    void aNulCharacterOrAnUnpairedSurrogateInTheJsonApiIsA400NamingTheField() throws Exception {
        long queued = IntakeDatabase.queued();
        ObjectNode nul = neighbour();
        ((ObjectNode) nul.get("observations")).put("description", "Sidder på bænken\u0000");
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(nul.toString())
                .when().post("/api/v1/concerns").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("observations.description"))
                .body("errors[0].message", startsWith("contains characters that cannot be stored"));
        // An unpaired surrogate can only travel escaped: as UTF-8 it does not exist.
        String body = neighbour().toString();
        int at = body.indexOf("\"appearance\":\"");
        assertTrue(at > 0, body);
        body = body.substring(0, at) + "\"appearance\":\"\\ud800" + body.substring(at + "\"appearance\":\"".length());
        given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/concerns").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("person.appearance"))
                .body("errors[0].message", startsWith("indeholder tegn, der ikke kan gemmes"));
        assertEquals(queued, IntakeDatabase.queued(), "nothing queued");
    }

    @Test
    void aNulCharacterInTheFormIsAnErrorAtItsField() {
        long queued = IntakeDatabase.queued();
        String html = FormPosts.neighbour().set("formToken", guard.formToken(Instant.now().minusSeconds(10)))
                .set("whereabouts.usualTimes", "Om morgenen\u0000").request().when().post("/form")
                .then().statusCode(422).contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("indeholder tegn, der ikke kan gemmes"), html);
        assertTrue(html.contains("id=\"whereabouts-usualTimes-error\""), "the error sits at its field");
        assertEquals(queued, IntakeDatabase.queued(), "nothing queued");
    }

    @Test
    void aQueryParameterWithANulCharacterIsA400NamingIt() throws Exception {
        // Sent bare: the API documents no query parameter, and the test client would refuse to send one.
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, new RawHttp.Request("GET", "/api/v1/catalog?lang=da%00",
                List.<String[]>of(new String[] { "Accept-Language", "en" }), null));
        assertEquals(400, answer.status());
        assertEquals("application/problem+json", answer.contentType());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals("lang", problem.at("/errors/0/field").asText());
        assertTrue(problem.at("/errors/0/message").asText().contains("cannot be stored"), problem.toString());
    }

    /**
     * PostgreSQL's details repeat what was refused ("Failing row contains (...)", "JSON data, line 1: ..."), and the
     * driver puts the detail in the exception's message: the 503 is logged with the exception classes and the
     * SQLState only. PostgreSQL cuts the values in its own details short, so a trigger stands in for it here with the
     * whole payload as the detail.
     */
    @Test
    void aDatabaseErrorsDetailNeverReachesTheLog() throws Exception {
        ObjectNode concern = neighbour();
        ((ObjectNode) concern.get("observations")).put("description", "Sidder på bænken " + Hostile.MARKER);
        try (Connection admin = IntakeDatabase.database().admin(); Statement sql = admin.createStatement()) {
            sql.execute("""
                    CREATE FUNCTION queue.refuse_with_detail() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION 'refused' USING DETAIL = NEW.payload::text, ERRCODE = '23514';
                    END $$""");
            sql.execute("CREATE TRIGGER refuse_with_detail BEFORE INSERT ON queue.message FOR EACH ROW "
                    + "EXECUTE FUNCTION queue.refuse_with_detail()");
        }
        List<String> lines;
        try (LogCapture log = LogCapture.install()) {
            given().contentType(ContentType.JSON).body(concern.toString()).when().post("/api/v1/concerns")
                    .then().statusCode(503).contentType("application/problem+json");
            lines = log.lines();
        } finally {
            try (Connection admin = IntakeDatabase.database().admin(); Statement sql = admin.createStatement()) {
                sql.execute("DROP TRIGGER refuse_with_detail ON queue.message");
                sql.execute("DROP FUNCTION queue.refuse_with_detail()");
            }
        }
        assertEquals(List.of(), lines.stream().filter(l -> l.contains(Hostile.MARKER)).toList(),
                "the reporter's words are not in the log");
        assertTrue(lines.stream().anyMatch(l -> l.contains("answering 503") && l.contains("SQLSTATE 23514")),
                "the 503 is logged, with what failed: " + lines);
    }
}
