package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** As in production: a public JSON client must solve a challenge first; a partner's key is enough for a partner. */
@QuarkusTest
@TestProfile(ApiProofOfWorkTest.ProofRequired.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class ApiProofOfWorkTest {

    public static class ProofRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.intake.protection.api-proof-of-work", "true");
        }
    }

    private static String solvedChallenge() throws Exception {
        Response challenge = given().when().get("/api/v1/challenge");
        return WebFormResourceTest.solve(challenge.path("challenge"), challenge.path("salt"), challenge.path("signature"),
                ((Number) challenge.path("maxnumber")).longValue());
    }

    @Test
    void aPublicClientWithoutAProofIsRefusedAndNothingIsQueued() {
        long before = IntakeDatabase.queued();
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:skp:problem:human-check-failed"));
        given().contentType(ContentType.JSON).header("Proof-Of-Work", "bm90IGEgcHJvb2Y=").body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(403);
        assertEquals(before, IntakeDatabase.queued());
    }

    @Test
    void aSolvedChallengeIsAcceptedOnce() throws Exception {
        String proof = solvedChallenge();
        given().contentType(ContentType.JSON).header("Proof-Of-Work", proof).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(202);
        given().contentType(ContentType.JSON).header("Proof-Of-Work", proof).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(403);
    }

    @Test
    void aPartnerNeedsNoProof() {
        String key = IntakeDatabase.addPartner("pow-partner", "POLICE");
        given().contentType(ContentType.JSON).auth().oauth2(key).body(Examples.read(Examples.POLICE_PARTNER))
                .when().post("/api/v1/concerns").then().statusCode(202);
    }
}
