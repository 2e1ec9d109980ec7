package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class ConcernResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFERENCE = "^SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$";

    @Test
    void anAnonymousNeighbourGetsAReferenceAndTheConcernIsQueued() throws Exception {
        long before = IntakeDatabase.queued();
        String reference = given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .header("Content-Language", "da")
                .body("reference", matchesPattern(REFERENCE))
                .body("receivedAt", notNullValue())
                .body("serviceNotice", containsString("ring 112"))
                .extract().path("reference");

        assertEquals(before + 1, IntakeDatabase.queued());
        ConcernSubmitted message = MessageCodec.decode(IntakeDatabase.lastPayload());
        assertEquals(reference, message.reference());
        assertEquals(dk.skp.model.vocabulary.Channel.WEB_FORM, message.channel());
        assertEquals(withoutNulls(JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))),
                withoutNulls(JSON.valueToTree(message.concern())), "the concern travels unchanged");
    }

    @Test
    void theQueuedMessageHasTheShapeOfTheSharedFixture() throws Exception {
        given().contentType(ContentType.JSON).body(Examples.read(Examples.POLICE_PARTNER))
                .when().post("/api/v1/concerns").then().statusCode(202)
                .body("serviceNotice", containsString("call 112"));
        assertEquals(fieldPaths(JSON.readTree(Examples.read(Examples.MESSAGE_FIXTURE))),
                fieldPaths(JSON.readTree(IntakeDatabase.lastPayload())));
    }

    @Test
    void acuteDangerIsAcceptedAndTheAnswerSaysCall112Now() throws Exception {
        ObjectNode concern = (ObjectNode) JSON.readTree(Examples.read(Examples.POLICE_PARTNER));
        concern.put("acuteDanger", true);
        given().contentType(ContentType.JSON).body(concern.toString())
                .when().post("/api/v1/concerns").then().statusCode(202)
                .body("serviceNotice", containsString("acute danger, call 112 now"));
    }

    @Test
    void invalidFieldsAreNamedInTheReadersLanguageAndNothingIsQueued() throws Exception {
        ObjectNode concern = (ObjectNode) JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
        ((ObjectNode) concern.get("whereabouts")).put("postcode", "50000");
        concern.remove("urgency");
        long before = IntakeDatabase.queued();

        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(concern.toString())
                .when().post("/api/v1/concerns")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:skp:problem:invalid-fields"))
                .body("status", equalTo(422))
                .body("errors.field", org.hamcrest.Matchers.contains("urgency", "whereabouts.postcode"))
                .body("errors.find { it.field == 'whereabouts.postcode' }.message",
                        equalTo("must be a Danish postcode of four digits"));

        given().contentType(ContentType.JSON).header("Accept-Language", "da").body(concern.toString())
                .when().post("/api/v1/concerns")
                .then().statusCode(422)
                .body("title", equalTo("Nogle felter er ikke udfyldt korrekt"))
                .body("errors.find { it.field == 'urgency' }.message", equalTo("skal udfyldes"));

        assertEquals(before, IntakeDatabase.queued());
    }

    @Test
    void unknownFieldsAndUnknownCodesAreRefusedByName() throws Exception {
        ObjectNode concern = (ObjectNode) JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
        ((ObjectNode) concern.get("person")).put("cpr", "010101-1234");
        long before = IntakeDatabase.queued();
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(concern.toString())
                .when().post("/api/v1/concerns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("person.cpr"))
                .body("errors[0].message", equalTo("is not a known field"))
                .body(org.hamcrest.Matchers.not(containsString("010101")));

        ObjectNode badCode = (ObjectNode) JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
        ((ObjectNode) badCode.get("person")).put("ageBand", "40_50");
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(badCode.toString())
                .when().post("/api/v1/concerns")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("person.ageBand"))
                .body("errors[0].message", containsString("18_29"));
        assertEquals(before, IntakeDatabase.queued());
    }

    @Test
    void bodiesThatAreNotJsonOrMissingAreRefused() {
        given().contentType(ContentType.JSON).body("{\"reporter\": ").when().post("/api/v1/concerns")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).when().post("/api/v1/concerns")
                .then().statusCode(422).body("errors.field", hasItem("body"));
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/v1/concerns")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void nothingCanBeReadBack() {
        given().when().get("/api/v1/concerns").then().statusCode(405).contentType("application/problem+json");
        given().when().get("/api/v1/concerns/SKP-7K4M-2QXD").then().statusCode(404).contentType("application/problem+json");
    }

    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    copy.set(f.getKey(), withoutNulls(f.getValue()));
                }
            });
            return copy;
        }
        return node;
    }

    /** Every path to a value in a JSON tree, e.g. concern.person.ageBand; arrays count as values. */
    static TreeSet<String> fieldPaths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect("", node, paths);
        return paths;
    }

    private static void collect(String prefix, JsonNode node, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), paths);
            }
        } else {
            paths.add(prefix);
        }
    }
}
