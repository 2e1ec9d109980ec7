package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import org.junit.jupiter.api.Test;

/** Rate limits, CORS and headers, with limits small enough to reach in a test. */
@QuarkusTest
@TestProfile(ProtectionTest.SmallLimits.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class ProtectionTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.intake.limits.public-submissions-per-hour", "3",
                    "skp.intake.limits.partner-submissions-per-hour", "2",
                    "skp.intake.limits.status-lookups-per-hour", "4",
                    "skp.intake.cors-origins", "https://www.odense.dk");
        }
    }

    @Test
    void aPublicClientIsLimitedPerAddressAndAPartnerPerKey() {
        long before = IntakeDatabase.queued();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                    .when().post("/api/v1/concerns").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", not(emptyOrNullString()))
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
}
