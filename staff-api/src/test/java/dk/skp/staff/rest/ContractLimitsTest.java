package dk.skp.staff.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What openapi/staff-api.json states as limits the server keeps (see ApiLimits): one over each is refused with a
 * problem, and changes nothing. The answers are checked against the document too (SpecContract).
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ContractLimitsTest {

    @Test
    void aSubjectLongerThanOpenIdConnectAllowsIsNotAnIdentity() {
        given().auth().oauth2(Tokens.of("coordinator", "s".repeat(256))).when().get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("coordinator", "s".repeat(255))).when().get("/api/v1/me")
                .then().statusCode(200).body("subject.length()", equalTo(255));
    }

    @Test
    void aLongNameIsShortenedToWhatTheDocumentSays() {
        String token = Tokens.sign(Tokens.claims("coordinator", "long-name").claim("name", "N".repeat(300)));
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200)
                .body("name.length()", equalTo(200)).body("roles", equalTo(java.util.List.of("coordinator")));
    }

    @Test
    void aCursorLongerThanAnyTheServerWritesIsRefused() {
        for (String path : new String[] { "/api/v1/concerns", "/api/v1/concerns/claimable" }) {
            given().auth().oauth2(Tokens.of("coordinator", "coordinator-1")).queryParam("after", "a".repeat(201))
                    .when().get(path).then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("after"));
        }
    }

    @Test
    void aPartnerIdThatCannotBeOneIsRefusedBeforeItIsLookedUp() {
        given().auth().oauth2(Tokens.of("admin", "admin-1")).when().post("/api/v1/admin/partners/" + "p".repeat(64) + "/keys")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin", "admin-1")).when().delete("/api/v1/admin/partners/Not_A_Partner")
                .then().statusCode(422).contentType("application/problem+json");
    }
}
