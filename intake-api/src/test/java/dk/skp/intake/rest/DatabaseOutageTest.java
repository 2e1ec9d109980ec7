package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.model.db.DatabaseSettings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A real outage: the intake role is locked out of its database and its sessions are killed. */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsUnreachableIntakeAnswers503AndNeverA2xx() throws Exception {
        given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(202);
        long before = IntakeDatabase.queued();

        lockOut(true);
        try {
            given().contentType(ContentType.JSON).header("Accept-Language", "en")
                    .body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                    .when().post("/api/v1/concerns")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", not(emptyOrNullString()))
                    .body("type", equalTo("urn:skp:problem:service-unavailable"))
                    .body("detail", equalTo("Nothing was saved. Please try again in a moment. If someone is in acute danger, call 112."));
            given().when().get("/q/health/ready").then().statusCode(503);
        } finally {
            lockOut(false);
        }
        assertEquals(before, IntakeDatabase.queued());

        given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(202);
        assertEquals(before + 1, IntakeDatabase.queued());
    }

    private static void lockOut(boolean out) throws SQLException {
        DatabaseSettings s = IntakeDatabase.database().settings();
        try (Connection admin = IntakeDatabase.database().admin(); Statement sql = admin.createStatement()) {
            if (out) {
                sql.execute("REVOKE CONNECT ON DATABASE " + s.database() + " FROM " + s.intakeUser());
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + s.database()
                        + "' AND usename = '" + s.intakeUser() + "'");
            } else {
                sql.execute("GRANT CONNECT ON DATABASE " + s.database() + " TO " + s.intakeUser());
            }
        }
    }
}
