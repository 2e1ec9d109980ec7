package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Rate limits, CORS and headers, with limits small enough to reach in a test. */
@QuarkusTest
@TestProfile(ProtectionTest.SmallLimits.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
// Unknown keys are counted in memory per address, and every test here comes from 127.0.0.1: that test goes last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtectionTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.intake.limits.public-submissions-per-hour", "3",
                    "skp.intake.limits.partner-submissions-per-hour", "2",
                    "skp.intake.limits.status-lookups-per-hour", "4",
                    "skp.intake.limits.unknown-partner-keys-per-hour", "3",
                    "skp.intake.cors-origins", "https://www.odense.dk");
        }
    }

    @Test
    void aPublicClientIsLimitedPerAddressAndAPartnerPerKey() {
        long before = IntakeDatabase.queued();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                    .when().post("/api/v1/concerns").then().statusCode(202)
                    // where the client stands, as documented (draft-ietf-httpapi-ratelimit-headers)
                    .header("RateLimit-Policy", equalTo("\"submit\";q=3;w=3600"))
                    .header("RateLimit", matchesPattern("\"submit\";r=" + (2 - i) + ";t=[0-9]+"));
        }
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", not(emptyOrNullString()))
                .header("RateLimit", matchesPattern("\"submit\";r=0;t=[0-9]+"))
                .body("type", equalTo("urn:skp:problem:too-many-requests"));
        assertEquals(before + 3, IntakeDatabase.queued());

        // A partner has its own allowance, independent of its address.
        String key = IntakeDatabase.addPartner("limits-partner", "POLICE");
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).auth().oauth2(key).body(Examples.read(Examples.POLICE_PARTNER))
                    .when().post("/api/v1/concerns").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).auth().oauth2(key).body(Examples.read(Examples.POLICE_PARTNER))
                .when().post("/api/v1/concerns").then().statusCode(429);
    }

    @Test
    void statusLookupsAreLimitedPerAddress() {
        for (int i = 0; i < 4; i++) {
            given().header("Passcode", "AAAA-BBBB-CC").when().get("/api/v1/concerns/SKP-0000-0000/status").then().statusCode(404);
        }
        given().header("Passcode", "AAAA-BBBB-CC").when().get("/api/v1/concerns/SKP-0000-0000/status").then().statusCode(429);
    }

    @Test
    void onlyTheMunicipalitysWebsiteMayCallFromABrowser() {
        given().header("Origin", "https://www.odense.dk").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/api/v1/concerns")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://www.odense.dk");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/concerns")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void securityHeadersAreSet() {
        given().when().get("/api/v1/catalog").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aClientTryingUnknownPartnerKeysIsRefusedBeforeItsNextKeyIsLookedUp() {
        String live = IntakeDatabase.addPartner("limits-partner-2", "POLICE");
        String unused = IntakeDatabase.addPartner("limits-partner-3", "POLICE");
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).auth().oauth2("skp_not-a-key-of-anyone-" + i)
                    .body(Examples.read(Examples.POLICE_PARTNER)).when().post("/api/v1/concerns").then().statusCode(401);
        }
        // A live key does not count against its address.
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).auth().oauth2(live).body(Examples.read(Examples.POLICE_PARTNER))
                    .when().post("/api/v1/concerns").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).auth().oauth2("skp_not-a-key-of-anyone-2")
                .body(Examples.read(Examples.POLICE_PARTNER)).when().post("/api/v1/concerns").then().statusCode(401);
        long before = IntakeDatabase.queued();
        given().contentType(ContentType.JSON).header("Accept-Language", "en").auth().oauth2("skp_not-a-key-of-anyone-3")
                .body(Examples.read(Examples.POLICE_PARTNER)).when().post("/api/v1/concerns").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", not(emptyOrNullString()));
        // Refused without a look-up: even a live key gets no further from this address until the allowance refills.
        given().contentType(ContentType.JSON).auth().oauth2(unused).body(Examples.read(Examples.POLICE_PARTNER))
                .when().post("/api/v1/concerns").then().statusCode(429);
        assertEquals(before, IntakeDatabase.queued());
    }
}
