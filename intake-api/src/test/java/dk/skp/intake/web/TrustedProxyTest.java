package dk.skp.intake.web;

import static dk.skp.intake.web.UntrustedForwardingTest.lookupAs;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployment shape with the default settings: the TLS proxy on the same host is trusted, so limits count the
 * client it names; HSTS; health, metrics and OpenAPI only on the management port.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.SmallLookupLimit.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class TrustedProxyTest {

    public static class SmallLookupLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.intake.limits.status-lookups-per-hour", "2");
        }
    }

    @TestHTTPResource(value = "health/ready", management = true)
    URL managementReady;

    @TestHTTPResource(value = "openapi", management = true)
    URL managementOpenApi;

    @TestHTTPResource(value = "metrics", management = true)
    URL managementMetrics;

    @Test
    void throughTheTrustedProxyEachForwardedClientHasItsOwnAllowance() {
        for (int i = 1; i <= 3; i++) {
            lookupAs("203.0.113." + i).then().statusCode(404);
        }
        lookupAs("203.0.113.1").then().statusCode(404);
        lookupAs("203.0.113.1").then().statusCode(429);
        lookupAs("203.0.113.2").then().statusCode(404);
    }

    @Test
    void hstsIsSentAndHealthMetricsAndOpenApiAreOnlyOnTheManagementPort() {
        given().when().get("/api/v1/catalog").then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age="));
        given().when().get(managementReady).then().statusCode(200);
        given().when().get(managementMetrics).then().statusCode(200).body(containsString("jvm_"));
        given().when().get(managementOpenApi).then().statusCode(200).body(containsString("/api/v1/concerns"));
        for (String path : new String[] { "/q/health/ready", "/q/health", "/q/metrics", "/q/openapi" }) {
            given().redirects().follow(false).when().get(path)
                    .then().statusCode(not(equalTo(200))).body(not(containsString("/api/v1/concerns")))
                    .body(not(containsString("jvm_")));
        }
    }
}
