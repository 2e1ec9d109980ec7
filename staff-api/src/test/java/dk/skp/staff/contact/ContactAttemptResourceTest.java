package dk.skp.staff.contact;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.etag;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.referenceOf;
import static dk.skp.staff.ConcernSteps.reporterAskedForUpdates;
import static dk.skp.staff.ConcernSteps.reporterStatus;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ContactAttemptResourceTest {

    private static final String MAJA = Tokens.of("contact-person", "cp-maja");

    @Inject
    ConcernSubmittedConsumer consumer;

    /** A concern held by Maja, who is registered once for the whole class; its reporter asked for updates. */
    private String majasConcern() {
        String maja = given().auth().oauth2(dk.skp.staff.ConcernSteps.ADMIN).when().get("/api/v1/admin/contact-persons")
                .then().statusCode(200).extract().path("find { it.subject == 'cp-maja' }.id");
        if (maja == null) {
            maja = contactPerson("cp-maja", "Maja Mikkelsen", "[\"Attempt-Øst\"]", 10, null);
        }
        String id = receive(consumer);
        reporterAskedForUpdates(referenceOf(id));
        triage(id, "Attempt-Øst");
        assign(id, maja);
        return id;
    }

    private static String attempt(String at, String channel, String outcome) {
        return """
                {"attemptedAt": "%s", "channel": "%s", "placeNote": "The bench by the station", "outcome": "%s",
                 "nextStep": "Try again in the morning", "nextStepOn": "%s"}"""
                .formatted(at, channel, outcome, Instant.parse(at).plus(2, ChronoUnit.DAYS).toString().substring(0, 10));
    }

    @Test
    void attemptsAreRecordedAndTheFirstContactEstablishedPutsTheConcernInContact() {
        String id = majasConcern();
        String reference = referenceOf(id);
        String[] assigned = reporterStatus(reference);
        assertEquals("IN_PROGRESS", assigned[0]);
        String path = "/api/v1/concerns/" + id + "/attempts";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        String version = change(MAJA, "POST", path, etag(id), attempt(now.minus(3, ChronoUnit.DAYS).toString(), "HOME_VISIT", "NO_ANSWER"))
                .then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("attempts", hasSize(1))
                .body("attempts[0].channel", equalTo("HOME_VISIT"))
                .body("attempts[0].outcome", equalTo("NO_ANSWER"))
                .body("attempts[0].placeNote", equalTo("The bench by the station"))
                .body("attempts[0].recordedBy", equalTo("cp-maja"))
                .extract().header("ETag");
        version = change(MAJA, "POST", path, version, attempt(now.minus(2, ChronoUnit.DAYS).toString(), "STREET", "BRIEF_CONTACT"))
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).extract().header("ETag");
        version = change(MAJA, "POST", path, version, attempt(now.minus(1, ChronoUnit.DAYS).toString(), "STREET", "CONTACT_ESTABLISHED"))
                .then().statusCode(200)
                .body("status", equalTo("IN_CONTACT"))
                .body("moves", contains("TRIAGE", "ASSIGN", "UNASSIGN", "RECORD_ATTEMPT", "ESTABLISH_CONTACT", "CLOSE"))
                .extract().header("ETag");
        // A coordinator may record one too, e.g. a call that came in to the team's phone.
        change(COORDINATOR, "POST", path, version, attempt(now.toString(), "PHONE", "CONTACT_ESTABLISHED"))
                .then().statusCode(200)
                .body("status", equalTo("IN_CONTACT"))
                .body("attempts.outcome", contains("CONTACT_ESTABLISHED", "CONTACT_ESTABLISHED", "BRIEF_CONTACT", "NO_ANSWER"))
                .body("attempts[0].recordedBy", equalTo("coordinator-1"));

        assertArrayEquals(assigned, reporterStatus(reference), "in contact is still IN_PROGRESS to the reporter");
        assertEquals(4, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'ATTEMPT' AND details ? 'attempt' AND details ? 'outcome' AND details ? 'channel'"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'ATTEMPT' AND details->>'from' = 'ASSIGNED' AND details->>'to' = 'IN_CONTACT'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND (details::text ILIKE '%bench%' OR details::text ILIKE '%morning%')"), "no notes in the audit");
    }

    @Test
    void attemptRulesAreCheckedAndNeedSomeoneToHoldTheConcern() {
        String id = majasConcern();
        String path = "/api/v1/concerns/" + id + "/attempts";
        String version = etag(id);
        Instant now = Instant.now();
        change(MAJA, "POST", path, version, attempt(now.plus(1, ChronoUnit.DAYS).toString(), "PHONE", "NO_ANSWER"))
                .then().statusCode(422).body("errors.field", contains("attemptedAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
        change(MAJA, "POST", path, version, """
                {"attemptedAt": "2026-11-02T09:00:00Z", "channel": "LETTER", "outcome": "NO_ANSWER", "nextStepOn": "2026-11-01"}""")
                .then().statusCode(422).body("errors.field", contains("nextStepOn"));
        change(MAJA, "POST", path, version, "{\"attemptedAt\": \"2026-11-02T09:00:00Z\", \"outcome\": \"NO_ANSWER\"}")
                .then().statusCode(422).body("errors.field", contains("channel"));
        change(MAJA, "POST", path, version, "{\"attemptedAt\": \"2026-11-02T09:00:00Z\", \"channel\": \"PIGEON\", \"outcome\": \"NO_ANSWER\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        change(MAJA, "POST", path, null, attempt("2026-11-02T09:00:00Z", "PHONE", "NO_ANSWER")).then().statusCode(428);
        assertEquals(version, etag(id));

        String unheld = receive(consumer);
        triage(unheld, "Attempt-Øst");
        change(COORDINATOR, "POST", "/api/v1/concerns/" + unheld + "/attempts", etag(unheld),
                attempt("2026-11-02T09:00:00Z", "PHONE", "NO_ANSWER"))
                .then().statusCode(409).body("currentStatus", equalTo("TRIAGED"))
                .body("allowedMoves", contains("TRIAGE", "REDIRECT", "MARK_DUPLICATE", "MARK_OUTSIDE_TARGET_GROUP",
                        "ASSIGN", "CLAIM", "CLOSE"));
        change(Tokens.of("admin", "admin-1"), "POST", path, version, attempt("2026-11-02T09:00:00Z", "PHONE", "NO_ANSWER"))
                .then().statusCode(403);
    }

    @Test
    void notFoundAfterAttemptsClosesWithTheirNumberAndTheContactPersonLosesIt() {
        String id = majasConcern();
        String path = "/api/v1/concerns/" + id + "/attempts";
        String version = etag(id);
        for (String day : new String[] { "2026-11-02T20:00:00Z", "2026-11-04T21:00:00Z", "2026-11-06T07:30:00Z" }) {
            version = change(MAJA, "POST", path, version, attempt(day, "STREET", "NOT_FOUND"))
                    .then().statusCode(200).extract().header("ETag");
        }
        version = change(COORDINATOR, "POST", "/api/v1/concerns/" + id + "/close", version, "{\"reason\": \"NOT_FOUND\"}")
                .then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closing.reason", equalTo("NOT_FOUND"))
                .body("closing.attemptsMade", equalTo(3))
                .body("assignedTo", equalTo("cp-maja"))
                .extract().header("ETag");
        // Closed, it is no longer hers (ConcernAccess): to her it is gone; the coordinator still meets the lifecycle.
        given().auth().oauth2(MAJA).when().get("/api/v1/concerns/" + id).then().statusCode(404);
        change(MAJA, "POST", path, version, attempt("2026-11-07T07:30:00Z", "STREET", "NOT_FOUND")).then().statusCode(404);
        change(COORDINATOR, "POST", path, version, attempt("2026-11-07T07:30:00Z", "STREET", "NOT_FOUND")).then().statusCode(409)
                .body("allowedMoves", contains("REOPEN"));

        change(COORDINATOR, "POST", "/api/v1/concerns/" + id + "/reopen", version, null)
                .then().statusCode(200).body("status", equalTo("REOPENED")).body("attempts", hasSize(3));
        given().auth().oauth2(MAJA).when().get("/api/v1/concerns/" + id).then().statusCode(404);
    }
}
