package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A real outage: the intake role is locked out of its database and its sessions are killed. */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {
    /** On the management interface, not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "health/ready", management = true)
    java.net.URL ready;


    @Test
    void whileTheDatabaseIsUnreachableIntakeAnswers503AndNeverA2xx() throws Exception {
        given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(202);
        long before = IntakeDatabase.queued();

        IntakeDatabase.lockOutIntake(true);
        try {
            given().contentType(ContentType.JSON).header("Accept-Language", "en")
                    .body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                    .when().post("/api/v1/concerns")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", not(emptyOrNullString()))
                    .body("type", equalTo("urn:skp:problem:service-unavailable"))
                    .body("detail", equalTo("Nothing was saved. Please try again in a moment. If someone is in acute danger, call 112."));
            given().when().get(ready).then().statusCode(503);
        } finally {
            IntakeDatabase.lockOutIntake(false);
        }
        assertEquals(before, IntakeDatabase.queued());

        given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(202);
        assertEquals(before + 1, IntakeDatabase.queued());
    }

}
