package dk.skp.intake.web;

import static io.restassured.RestAssured.given;

import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that is not the trusted proxy cannot choose the address its limits are counted against: its
 * X-Forwarded-For is ignored. (TrustedProxyTest shows that the same requests through the trusted proxy are counted per
 * forwarded address, so this test fails if the header were believed from anyone.)
 */
@QuarkusTest
@TestProfile(UntrustedForwardingTest.ProxyElsewhere.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class UntrustedForwardingTest {

    public static class ProxyElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // 192.0.2.1 (TEST-NET-1) is the proxy; the tests connect from the loopback address.
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.1",
                    "skp.intake.limits.status-lookups-per-hour", "2");
        }
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedAddressDoesNotChangeTheClientsKey() {
        for (int i = 1; i <= 2; i++) {
            lookupAs("198.51.100." + i).then().statusCode(404);
        }
        lookupAs("198.51.100.3").then().statusCode(429).contentType("application/problem+json");
        lookupAs("198.51.100.4, 198.51.100.5").then().statusCode(429);
    }

    static io.restassured.response.Response lookupAs(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).header("Passcode", "AAAA-BBBB-CC")
                .when().get("/api/v1/concerns/SKP-0000-0000/status");
    }
}
