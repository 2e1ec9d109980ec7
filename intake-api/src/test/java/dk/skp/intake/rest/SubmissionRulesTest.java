package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** The rules beyond field shapes, through HTTP; every refusal leaves the queue as it was. */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class SubmissionRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode neighbour() throws Exception {
        return (ObjectNode) JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
    }

    private static ObjectNode police() throws Exception {
        return (ObjectNode) JSON.readTree(Examples.read(Examples.POLICE_PARTNER));
    }

    private static ValidatableResponse refused(ObjectNode concern) {
        long before = IntakeDatabase.queued();
        ValidatableResponse response = given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(concern.toString()).when().post("/api/v1/concerns").then()
                .statusCode(422).contentType("application/problem+json");
        assertEquals(before, IntakeDatabase.queued(), "nothing is queued");
        return response;
    }

    @Test
    void anAnonymousReporterSendsNoContactData() throws Exception {
        ObjectNode concern = neighbour();
        ((ObjectNode) concern.get("reporter")).put("email", "me@example.org").put("name", "Me");
        refused(concern).body("errors.field", contains("reporter.email", "reporter.name"))
                .body("errors[0].message", equalTo("must be left out when anonymity is ANONYMOUS"));
    }

    @Test
    void confidentialAndNamedReportersGiveAWayToReachThem() throws Exception {
        ObjectNode concern = neighbour();
        ((ObjectNode) concern.get("reporter")).put("anonymity", "CONFIDENTIAL");
        refused(concern).body("errors.field", contains("reporter.email"))
                .body("errors[0].message", containsString("phone number or an e-mail address"));

        ((ObjectNode) concern.get("reporter")).put("anonymity", "NAMED").put("phone", "+45 12 34 56 78");
        refused(concern).body("errors.field", contains("reporter.name"));

        ((ObjectNode) concern.get("reporter")).put("name", "Karen Jensen");
        given().contentType(ContentType.JSON).body(concern.toString()).when().post("/api/v1/concerns").then().statusCode(202);
    }

    @Test
    void thePersonMustBeFindable() throws Exception {
        ObjectNode concern = neighbour();
        ((ObjectNode) concern.get("whereabouts")).putNull("address");
        refused(concern).body("errors.field", contains("whereabouts.address"))
                .body("errors[0].message", equalTo("give an address or describe the place"));

        ((ObjectNode) concern.get("whereabouts")).put("placeDescription", "Bænken ved stationen").putNull("usualTimes");
        refused(concern).body("errors.field", contains("whereabouts.usualTimes"));
    }

    @Test
    void aConcernAboutAChildIsRefusedWithTheRouteForAChildWelfareReport() throws Exception {
        ObjectNode concern = neighbour();
        ((ObjectNode) concern.get("person")).put("ageBand", "UNDER_18");
        refused(concern).body("type", equalTo("urn:skp:problem:child-welfare"))
                .body("detail", containsString("notification (underretning) under the Children's Act (Barnets lov)"))
                .body("detail", containsString("call 112"))
                .body("errors.field", contains("person.ageBand"));
        given().contentType(ContentType.JSON).header("Accept-Language", "da").body(concern.toString())
                .when().post("/api/v1/concerns").then().statusCode(422)
                .body("detail", containsString("underretning efter Barnets lov"));
    }

    @Test
    void cprNumbersAreRemovedBeforeAnythingIsStoredAndTheAnswerSaysSo() throws Exception {
        ObjectNode concern = police();
        ((ObjectNode) concern.get("observations")).put("description", "Han oplyste cpr 010190-1234, senere 0201901234.");
        ((ObjectNode) concern.get("person")).put("appearance", "Bærer et id-kort med 311299 1234");
        String payloadBefore = IntakeDatabase.lastPayload();

        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(concern.toString())
                .when().post("/api/v1/concerns").then().statusCode(202)
                .body("redactedFields", contains("person.appearance", "observations.description"))
                .body("serviceNotice", containsString("We removed CPR numbers"));

        assertFalse(IntakeDatabase.lastPayload().equals(payloadBefore));
        // The report as queued: the message's own ids and times are random and may hold any digits.
        String stored = new ObjectMapper().readTree(IntakeDatabase.lastPayload()).get("concern").toString();
        for (String cpr : new String[] { "010190", "1234", "0201901234", "311299" }) {
            assertFalse(stored.contains(cpr), "stored text still holds " + cpr);
        }
        assertTrue(stored.contains("Han oplyste cpr [CPR-nr. fjernet], senere [CPR-nr. fjernet]."), stored);
    }

    @Test
    void numbersThatAreNotCprNumbersStay() throws Exception {
        ObjectNode concern = police();
        ((ObjectNode) concern.get("observations")).put("description", "Ring 11 22 33 44 eller 4511223344. Sag 2024-1234.");
        given().contentType(ContentType.JSON).body(concern.toString())
                .when().post("/api/v1/concerns").then().statusCode(202)
                .body("$", not(org.hamcrest.Matchers.hasKey("redactedFields")));
        assertTrue(IntakeDatabase.lastPayload().contains("Ring 11 22 33 44 eller 4511223344. Sag 2024-1234."));
    }

    @Test
    void oversizedFieldsAndBodiesAreRefused() throws Exception {
        ObjectNode concern = neighbour();
        ((ObjectNode) concern.get("observations")).put("description", "x".repeat(4001));
        refused(concern).body("errors.field", hasItem("observations.description"))
                .body("errors[0].message", equalTo("must be at most 4000 long"));

        ((ObjectNode) concern.get("observations")).put("description", "x".repeat(70_000));
        long before = IntakeDatabase.queued();
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(concern.toString())
                .when().post("/api/v1/concerns")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Request too large"))
                .body("instance", equalTo("/api/v1/concerns"));
        assertEquals(before, IntakeDatabase.queued());
    }

    @Test
    void noPublicClientChoosesAChannelLeastOfAllOneOfStaffs() throws Exception {
        // Intake sets WEB_FORM or PARTNER_API itself; PHONE, IN_PERSON, EMAIL and LETTER are staff's alone.
        ObjectNode concern = neighbour();
        concern.put("channel", "PHONE");
        long before = IntakeDatabase.queued();
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(concern.toString())
                .when().post("/api/v1/concerns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("channel"))
                .body("errors[0].message", equalTo("is not a known field"));
        assertEquals(before, IntakeDatabase.queued());
        concern.remove("channel");
        given().contentType(ContentType.JSON).body(concern.toString()).when().post("/api/v1/concerns").then().statusCode(202);
        assertTrue(IntakeDatabase.lastPayload().replace(" ", "").contains("\"channel\":\"WEB_FORM\""));
    }
}
