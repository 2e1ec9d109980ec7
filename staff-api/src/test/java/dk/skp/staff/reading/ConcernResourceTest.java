package dk.skp.staff.reading;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.staff.ConcernSteps;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ConcernResourceTest {

    private static final List<ConcernSubmitted> SEEDED = new ArrayList<>();

    @Inject
    ConcernSubmittedConsumer consumer;

    /** Five concerns received a minute apart, through the real queue. */
    @BeforeEach
    void seed() throws Exception {
        if (!SEEDED.isEmpty()) {
            return;
        }
        Instant base = Instant.parse("2026-11-02T08:00:00Z");
        for (int i = 0; i < 5; i++) {
            ConcernSubmitted message = Messages.fresh(base.plus(i, ChronoUnit.MINUTES));
            StaffDatabase.enqueueAsIntake(message);
            SEEDED.add(message);
        }
        consumer.drainNow();
        // The background listener may hold some of them (SKIP LOCKED) and commit a moment after drainNow returns.
        dk.skp.staff.Await.until(() -> StaffDatabase.count(
                "SELECT count(*) FROM staff.concern WHERE received_at >= '2026-11-02' AND received_at < '2026-11-03'") == 5);
    }

    private static String newest(int i) {
        return SEEDED.get(SEEDED.size() - 1 - i).reference();
    }

    @Test
    void withoutAValidTokenEverythingIs401AsAProblemWithABearerChallenge() {
        given().header("Accept-Language", "en").when().get("/api/v1/concerns")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"skp-staff\"")
                .body("status", equalTo(401))
                .body("title", equalTo("Sign-in required"));
        for (String bad : new String[] { "not-a-jwt", Tokens.expired("coordinator"),
                Tokens.fromIssuer("https://evil.example", "coordinator"), Tokens.forAudience("another-api", "coordinator"),
                Tokens.signedByAnotherKey("coordinator") }) {
            given().auth().oauth2(bad).when().get("/api/v1/concerns")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"skp-staff\", error=\"invalid_token\"")
                    .body("title", equalTo("Login påkrævet"));
        }
    }

    @Test
    void aRoleWithoutBusinessHereIs403AsAProblem() {
        given().auth().oauth2(Tokens.of("admin", "admin-1")).header("Accept-Language", "en").when().get("/api/v1/concerns")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Your role does not allow this."));
        given().auth().oauth2(Tokens.of("citizen", "someone")).when().get("/api/v1/concerns")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aCoordinatorPagesThroughConcernsNewestFirst() {
        String next = given().auth().oauth2(Tokens.coordinator()).queryParam("limit", 2)
                .when().get("/api/v1/concerns")
                .then().statusCode(200)
                .body("items.reference", contains(newest(0), newest(1)))
                .body("next", notNullValue())
                .extract().path("next");
        String last = given().auth().oauth2(Tokens.coordinator()).queryParam("limit", 2).queryParam("after", next)
                .when().get("/api/v1/concerns")
                .then().statusCode(200)
                .body("items.reference", contains(newest(2), newest(3)))
                .extract().path("next");
        given().auth().oauth2(Tokens.coordinator()).queryParam("limit", 2).queryParam("after", last)
                .when().get("/api/v1/concerns")
                .then().statusCode(200)
                .body("items.reference", hasSize(1))
                .body("items[0].reference", equalTo(newest(4)))
                .body("next", nullValue());
    }

    @Test
    void filtersByReferenceTypedLooselyAndByStatus() {
        String reference = newest(2);
        given().auth().oauth2(Tokens.coordinator()).queryParam("reference", reference.toLowerCase().replace("-", ""))
                .when().get("/api/v1/concerns")
                .then().statusCode(200).body("items.reference", contains(reference));
        given().auth().oauth2(Tokens.coordinator()).queryParam("status", "RECEIVED").queryParam("limit", 100)
                .when().get("/api/v1/concerns")
                .then().statusCode(200).body("items.status", not(org.hamcrest.Matchers.hasItem(not("RECEIVED"))));
    }

    @Test
    void badQueryParametersAreNamed() {
        given().auth().oauth2(Tokens.coordinator()).header("Accept-Language", "en").queryParam("status", "LOST")
                .when().get("/api/v1/concerns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of: RECEIVED, TRIAGED, ASSIGNED, IN_CONTACT, CLOSED, "
                        + "REDIRECTED, DUPLICATE, OUTSIDE_TARGET_GROUP, REOPENED"));
        given().auth().oauth2(Tokens.coordinator()).queryParam("reference", "SKP-123")
                .when().get("/api/v1/concerns")
                .then().statusCode(400).body("errors[0].field", equalTo("reference"));
        given().auth().oauth2(Tokens.coordinator()).queryParam("after", "garbage!")
                .when().get("/api/v1/concerns")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        for (String path : new String[] { "/api/v1/concerns", "/api/v1/concerns/claimable", "/api/v1/concerns/overdue" }) {
            given().auth().oauth2(Tokens.coordinator()).header("Accept-Language", "en").queryParam("limit", "many")
                    .when().get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo("must be a whole number, such as 20"));
        }
        given().auth().oauth2(Tokens.coordinator()).header("Accept-Language", "da").queryParam("limit", 0)
                .when().get("/api/v1/concerns")
                .then().statusCode(422).body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("skal være mellem 1 og 100"));
    }

    @Test
    void aCoordinatorReadsTheWholeConcernAndTheReadIsAudited() {
        String id = given().auth().oauth2(Tokens.of("coordinator", "coordinator-7")).queryParam("reference", newest(0))
                .when().get("/api/v1/concerns").then().statusCode(200).extract().path("items[0].id");
        long auditedBefore = StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'READ' AND concern_id = '" + id + "'");

        given().auth().oauth2(Tokens.of("coordinator", "coordinator-7"))
                .when().get("/api/v1/concerns/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("reference", equalTo(newest(0)))
                .body("status", equalTo("RECEIVED"))
                .body("report.person.ageBand", equalTo("30_49"))
                .body("report.whereabouts.placeDescription", equalTo("The bushes behind the railway station, north side"))
                .body("report.observations.indicators", hasSize(3));

        assertEquals(auditedBefore + 1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'READ' "
                + "AND concern_id = '" + id + "' AND actor = 'coordinator-7' AND actor_roles = 'coordinator'"));
        assertTrue(StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'SEARCH' "
                + "AND actor = 'coordinator-7' AND details->>'reference' = '" + newest(0) + "'") >= 1, "the search was audited with its criteria");
    }

    @Test
    void aContactPersonSeesOnlyConcernsAssignedToThem() {
        String id = given().auth().oauth2(Tokens.coordinator()).queryParam("reference", newest(1))
                .when().get("/api/v1/concerns").then().statusCode(200).extract().path("items[0].id");

        given().auth().oauth2(Tokens.of("contact-person", "cp-anna"))
                .when().get("/api/v1/concerns").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.of("contact-person", "cp-anna")).header("Accept-Language", "en")
                .when().get("/api/v1/concerns/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no concern with this id that you may see"));

        String anna = ConcernSteps.contactPerson("cp-anna", "Anna", "[\"Vest\"]", 5, null);
        ConcernSteps.triage(id, "Vest");
        ConcernSteps.assign(id, anna);
        given().auth().oauth2(Tokens.of("contact-person", "cp-anna"))
                .when().get("/api/v1/concerns").then().statusCode(200).body("items.id", contains(id));
        given().auth().oauth2(Tokens.of("contact-person", "cp-anna"))
                .when().get("/api/v1/concerns/" + id).then().statusCode(200).body("assignedTo", equalTo("cp-anna"));
        given().auth().oauth2(Tokens.of("contact-person", "cp-bo"))
                .when().get("/api/v1/concerns/" + id).then().statusCode(404);
    }

    @Test
    void auditEventsCannotBeRewritten() {
        java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> {
            try (var staff = StaffDatabase.database().asStaff(); var sql = staff.createStatement()) {
                sql.executeUpdate("UPDATE staff.audit_event SET actor = 'someone else'");
            }
        });
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }
}
