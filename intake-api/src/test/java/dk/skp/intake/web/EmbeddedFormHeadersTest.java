package dk.skp.intake.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A municipality that embeds the form in its own site names that site, and the policy lets exactly it frame the form. */
@QuarkusTest
@TestProfile(EmbeddedFormHeadersTest.EmbeddedByAMunicipality.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class EmbeddedFormHeadersTest {

    public static class EmbeddedByAMunicipality implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.intake.form.frame-ancestors", "'self' https://www.odense.dk");
        }
    }

    @Test
    void theConfiguredSiteMayFrameTheForm() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", endsWith("; frame-ancestors 'self' https://www.odense.dk"))
                // X-Frame-Options cannot name another site; sending SAMEORIGIN would break the embedding in old browsers.
                .header("X-Frame-Options", nullValue());
        given().when().get("/?lang=en").then().statusCode(200)
                .header("Content-Security-Policy", endsWith("; frame-ancestors 'self' https://www.odense.dk"));
    }
}
