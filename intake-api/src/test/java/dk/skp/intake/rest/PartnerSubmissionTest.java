package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.ReporterRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class PartnerSubmissionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A referral as a police system would send it: the partner's identity comes from its key. */
    private static String policeReferral() throws Exception {
        ObjectNode concern = (ObjectNode) JSON.readTree(Examples.read(Examples.POLICE_PARTNER));
        ((ObjectNode) concern.get("reporter")).remove("role");
        ((ObjectNode) concern.get("reporter")).remove("anonymity");
        return concern.toString();
    }

    @Test
    void aPartnerSubmissionCarriesThePartnersIdentityAndDefaultRole() throws Exception {
        String key = IntakeDatabase.addPartner("fyns-politi", "POLICE");
        given().contentType(ContentType.JSON).auth().oauth2(key).body(policeReferral())
                .when().post("/api/v1/concerns").then().statusCode(202);
        ConcernSubmitted message = MessageCodec.decode(IntakeDatabase.lastPayload());
        assertEquals(Channel.PARTNER_API, message.channel());
        assertEquals("fyns-politi", message.partnerId());
        assertEquals(ReporterRole.POLICE, message.concern().reporter().role());
        assertEquals(Anonymity.NAMED, message.concern().reporter().anonymity());
    }

    @Test
    void unknownAndRevokedKeysAre401AndNothingIsQueued() throws Exception {
        long before = IntakeDatabase.queued();
        given().contentType(ContentType.JSON).auth().oauth2("skp_not-a-real-key").header("Accept-Language", "en")
                .body(policeReferral()).when().post("/api/v1/concerns")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("The API key is not valid or has been revoked."));
        given().contentType(ContentType.JSON).header("Authorization", "Basic dXNlcjpwYXNz")
                .body(policeReferral()).when().post("/api/v1/concerns").then().statusCode(401);

        String key = IntakeDatabase.addPartner("boligforening-vest", "HOUSING_ASSOCIATION");
        IntakeDatabase.asStaff("UPDATE exchange.partner_key SET revoked_at = now() WHERE partner_id = 'boligforening-vest'");
        given().contentType(ContentType.JSON).auth().oauth2(key).body(policeReferral())
                .when().post("/api/v1/concerns").then().statusCode(401);
        assertEquals(before, IntakeDatabase.queued());
    }

    @Test
    void partnersReportAsNamed() throws Exception {
        String key = IntakeDatabase.addPartner("psykiatrien", "PSYCHIATRY");
        ObjectNode concern = (ObjectNode) JSON.readTree(Examples.read(Examples.POLICE_PARTNER));
        ((ObjectNode) concern.get("reporter")).put("anonymity", "ANONYMOUS").putNull("name").putNull("phone")
                .putNull("email").putNull("organisation");
        given().contentType(ContentType.JSON).auth().oauth2(key).header("Accept-Language", "en").body(concern.toString())
                .when().post("/api/v1/concerns").then().statusCode(422)
                .body("errors.find { it.field == 'reporter.anonymity' }.message", equalTo("partner systems report as NAMED"));
    }

    @Test
    void theSameIdempotencyKeyWithTheSameBodyReturnsTheFirstAnswerAndQueuesOnce() throws Exception {
        String key = IntakeDatabase.addPartner("jobcenter", "CASEWORKER");
        String idempotencyKey = UUID.randomUUID().toString();
        long before = IntakeDatabase.queued();
        var first = given().contentType(ContentType.JSON).auth().oauth2(key).header("Idempotency-Key", idempotencyKey)
                .body(policeReferral()).when().post("/api/v1/concerns").then().statusCode(202)
                .header("Idempotent-Replayed", nullValue()).extract().response();
        // The same request again, formatted differently, as a retry after a lost answer might be.
        String reformatted = JSON.readTree(policeReferral()).toPrettyString();
        given().contentType(ContentType.JSON).auth().oauth2(key).header("Idempotency-Key", idempotencyKey)
                .body(reformatted).when().post("/api/v1/concerns").then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("reference", equalTo(first.path("reference")))
                .body("receivedAt", equalTo(first.path("receivedAt")))
                .body("serviceNotice", equalTo(first.path("serviceNotice")))
                .body("$", not(hasKey("passcode")));
        assertEquals(before + 1, IntakeDatabase.queued(), "one concern, however many retries");

        ObjectNode other = (ObjectNode) JSON.readTree(policeReferral());
        other.put("urgency", "URGENT");
        given().contentType(ContentType.JSON).auth().oauth2(key).header("Idempotency-Key", idempotencyKey)
                .header("Accept-Language", "en").body(other.toString()).when().post("/api/v1/concerns")
                .then().statusCode(422).body("type", equalTo("urn:skp:problem:idempotency-key-reused"));
        assertEquals(before + 1, IntakeDatabase.queued());

        // Another partner may use the same key for its own request.
        String otherPartner = IntakeDatabase.addPartner("boligselskabet", "HOUSING_ASSOCIATION");
        given().contentType(ContentType.JSON).auth().oauth2(otherPartner).header("Idempotency-Key", idempotencyKey)
                .body(policeReferral()).when().post("/api/v1/concerns").then().statusCode(202)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void anExpiredIdempotencyKeyStartsAfresh() throws Exception {
        String key = IntakeDatabase.addPartner("politi-syd", "POLICE");
        String idempotencyKey = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).auth().oauth2(key).header("Idempotency-Key", idempotencyKey)
                .body(policeReferral()).when().post("/api/v1/concerns").then().statusCode(202).extract().path("reference");
        try (var intake = IntakeDatabase.database().asIntake(); var sql = intake.createStatement()) {
            sql.executeUpdate("UPDATE intake.idempotency_record SET created_at = now() - interval '25 hours' WHERE key = '"
                    + idempotencyKey + "'");
        }
        String second = given().contentType(ContentType.JSON).auth().oauth2(key).header("Idempotency-Key", idempotencyKey)
                .body(policeReferral()).when().post("/api/v1/concerns").then().statusCode(202)
                .header("Idempotent-Replayed", nullValue()).extract().path("reference");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
    }

    @Test
    void theIdempotencyKeyIsForPartners() throws Exception {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "abc").header("Accept-Language", "en")
                .body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR)).when().post("/api/v1/concerns")
                .then().statusCode(400).body("detail", equalTo("Idempotency-Key is only for partner clients with an API key"));
    }
}
