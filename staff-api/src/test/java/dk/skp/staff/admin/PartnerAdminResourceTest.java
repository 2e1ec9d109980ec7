package dk.skp.staff.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.model.exchange.Secrets;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class PartnerAdminResourceTest {

    private static final String ADMIN = Tokens.of("admin", "admin-1");

    @Test
    void anAdminAddsAPartnerAndIssuesAKeyThatIsShownOnceAndStoredAsAHash() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"id\": \"fyns-politi\", \"name\": \"Fyns Politi\", \"defaultRole\": \"POLICE\"}")
                .when().post("/api/v1/admin/partners")
                .then().statusCode(201).body("id", equalTo("fyns-politi")).body("keys", hasSize(0));

        String key = given().auth().oauth2(ADMIN).when().post("/api/v1/admin/partners/fyns-politi/keys")
                .then().statusCode(201).header("Cache-Control", "no-store")
                .body("key", startsWith("skp_")).body("prefix", notNullValue())
                .extract().path("key");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM exchange.partner_key WHERE key_hash = '"
                + Secrets.sha256(key) + "'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM exchange.partner_key WHERE key_hash = '" + key
                + "' OR key_prefix = '" + key + "'"), "the key itself is stored nowhere");

        given().auth().oauth2(ADMIN).when().get("/api/v1/admin/partners")
                .then().statusCode(200)
                .body("find { it.id == 'fyns-politi' }.keys", hasSize(1))
                .body("find { it.id == 'fyns-politi' }.keys[0].prefix", equalTo(Secrets.displayPrefix(key)))
                .body(not(containsString(key)));

        given().auth().oauth2(ADMIN).when().delete("/api/v1/admin/partners/fyns-politi/keys/" + Secrets.displayPrefix(key))
                .then().statusCode(204);
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM exchange.partner_key WHERE key_hash = '"
                + Secrets.sha256(key) + "' AND revoked_at IS NOT NULL"));
        given().auth().oauth2(ADMIN).when().delete("/api/v1/admin/partners/fyns-politi/keys/" + Secrets.displayPrefix(key))
                .then().statusCode(404);
    }

    @Test
    void badRequestsAreNamedAndDuplicatesRefused() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"id\": \"Fyns Politi!\", \"name\": \"\", \"defaultRole\": \"POLICE\"}")
                .when().post("/api/v1/admin/partners")
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.contains("id", "name"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"id\": \"boligforening\", \"name\": \"Boligforeningen\", \"defaultRole\": \"HOUSING_ASSOCIATION\"}")
                .when().post("/api/v1/admin/partners").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"id\": \"boligforening\", \"name\": \"Boligforeningen\", \"defaultRole\": \"HOUSING_ASSOCIATION\"}")
                .when().post("/api/v1/admin/partners").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().delete("/api/v1/admin/partners/boligforening").then().statusCode(204);
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/partners/boligforening/keys").then().statusCode(404);
    }

    @Test
    void onlyAdminsManagePartners() {
        given().auth().oauth2(Tokens.coordinator()).when().get("/api/v1/admin/partners").then().statusCode(403);
        given().auth().oauth2(Tokens.of("contact-person", "cp-1")).when().post("/api/v1/admin/partners/x/keys").then().statusCode(403);
        given().when().get("/api/v1/admin/partners").then().statusCode(401);
    }
}
