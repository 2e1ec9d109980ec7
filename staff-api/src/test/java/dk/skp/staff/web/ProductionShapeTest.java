package dk.skp.staff.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * What production relies on at the HTTP level: no answer is kept by a cache (every one may hold personal data), a
 * body larger than the limit is a 413 problem+json and not read, HSTS, and health, metrics and OpenAPI only on the
 * management port.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ProductionShapeTest {

    @TestHTTPResource(value = "health/ready", management = true)
    URL managementReady;

    @TestHTTPResource(value = "openapi", management = true)
    URL managementOpenApi;

    @TestHTTPResource(value = "metrics", management = true)
    URL managementMetrics;

    @TestHTTPResource(value = "swagger-ui/", management = true)
    URL managementSwaggerUi;

    @Test
    void noAnswerMayBeStoredByACacheRefusalsIncluded() {
        given().auth().oauth2(Tokens.coordinator()).when().get("/api/v1/concerns")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(Tokens.coordinator()).when().get("/api/v1/concerns/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json").header("Cache-Control", "no-store");
        given().when().get("/api/v1/concerns")
                .then().statusCode(401).header("Cache-Control", "no-store");
        given().auth().oauth2(Tokens.of("contact-person", "cp-1")).when().get("/api/v1/admin/partners")
                .then().statusCode(403).header("Cache-Control", "no-store");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body("{")
                .when().post("/api/v1/concerns")
                .then().statusCode(400).contentType("application/problem+json").header("Cache-Control", "no-store");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413ProblemJsonNotA500() {
        String big = "{\"note\": \"" + "x".repeat(200 * 1024) + "\"}";
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(big).when().post("/api/v1/concerns")
                .then().statusCode(413).contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("urn:skp:problem:payload-too-large"))
                .body("title", equalTo("Request too large"));
    }

    @Test
    void hstsIsSentAndHealthMetricsOpenApiAndSwaggerUiAreOnlyOnTheManagementPort() {
        given().when().get("/api/v1/concerns").then().header("Strict-Transport-Security", containsString("max-age="));
        given().when().get(managementReady).then().statusCode(200);
        given().when().get(managementMetrics).then().statusCode(200).body(containsString("jvm_"));
        given().when().get(managementOpenApi).then().statusCode(200).body(containsString("/api/v1/concerns"));
        given().when().get(managementSwaggerUi).then().statusCode(200).body(containsString("/q/openapi"));
        for (String path : new String[] { "/q/health/ready", "/q/health", "/q/metrics", "/q/openapi", "/q/swagger-ui/" }) {
            given().redirects().follow(false).when().get(path)
                    .then().statusCode(not(equalTo(200))).body(not(containsString("/api/v1/concerns")))
                    .body(not(containsString("jvm_")));
        }
    }
}
