package dk.skp.staff.assignment;

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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ConcernAssignmentResourceTest {

    @Inject
    ConcernSubmittedConsumer consumer;

    private static String path(String id, String action) {
        return "/api/v1/concerns/" + id + "/" + action;
    }

    private static String contactPersonToken(String subject) {
        return Tokens.of("contact-person", subject);
    }

    @Test
    void aCoordinatorAssignsReassignsAndUnassigns() {
        String ida = contactPerson("cp-ida", "Ida Holm", "[\"Assign-Vest\"]", 5, null);
        String jens = contactPerson("cp-jens", "Jens Lund", "[\"Assign-Vest\"]", 5, null);
        String id = receive(consumer);
        String reference = referenceOf(id);
        reporterAskedForUpdates(reference);
        String version = triage(id, "Assign-Vest");
        String[] triaged = reporterStatus(reference);

        version = change(COORDINATOR, "PUT", path(id, "assignment"), version, "{\"contactPersonId\": \"" + ida + "\"}")
                .then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("assignedTo", equalTo("cp-ida"))
                .body("assignment.contactPersonId", equalTo(ida))
                .body("assignment.name", equalTo("Ida Holm"))
                .extract().header("ETag");
        assertArrayEquals(triaged, reporterStatus(reference),
                "TRIAGED and ASSIGNED are both IN_PROGRESS to the reporter: nothing to show, not even a new time");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE kind = 'ASSIGNMENT' AND reference = '"
                + reference + "'"), "Ida is told by mail (reference and link only)");

        version = change(COORDINATOR, "PUT", path(id, "assignment"), version, "{\"contactPersonId\": \"" + jens + "\"}")
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).body("assignedTo", equalTo("cp-jens"))
                .extract().header("ETag");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'ASSIGN' AND details->>'previous' = 'cp-ida' AND details->>'assignedTo' = 'cp-jens'"));
        given().auth().oauth2(contactPersonToken("cp-ida")).when().get("/api/v1/concerns/" + id).then().statusCode(404);

        change(COORDINATOR, "DELETE", path(id, "assignment"), version, null)
                .then().statusCode(200).body("status", equalTo("TRIAGED")).body("assignedTo", nullValue())
                .body("assignment", nullValue());
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'UNASSIGN' AND details->>'previous' = 'cp-jens' AND details->>'to' = 'TRIAGED'"));

        change(COORDINATOR, "PUT", path(id, "assignment"), etag(id), "{\"contactPersonId\": \"" + id + "\"}")
                .then().statusCode(422).body("errors[0].field", equalTo("contactPersonId"))
                .body("errors[0].message", equalTo("is not a registered contact person"));
        String received = receive(consumer);
        change(COORDINATOR, "PUT", path(received, "assignment"), etag(received), "{\"contactPersonId\": \"" + ida + "\"}")
                .then().statusCode(409).body("currentStatus", equalTo("RECEIVED"))
                .body("allowedMoves", contains("TRIAGE", "REDIRECT", "MARK_DUPLICATE", "MARK_OUTSIDE_TARGET_GROUP"));
    }

    @Test
    void aContactPersonCanNeitherReadNorChangeSomeoneElsesConcern() {
        String owner = contactPerson("cp-owner", "Olga Owner", "[\"Other-Nord\"]", 5, null);
        contactPerson("cp-other", "Otto Other", "[\"Other-Nord\"]", 5, null);
        String id = receive(consumer);
        triage(id, "Other-Nord");
        String version = assign(id, owner);
        String other = contactPersonToken("cp-other");

        given().auth().oauth2(other).when().get("/api/v1/concerns/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().get(path(id, "briefing")).then().statusCode(404);
        given().auth().oauth2(other).when().get(path(id, "linked")).then().statusCode(404);
        given().auth().oauth2(other).when().get("/api/v1/concerns").then().statusCode(200).body("items.id", not(hasItem(id)));
        change(other, "POST", path(id, "attempts"), version, """
                {"attemptedAt": "2026-11-02T09:00:00Z", "channel": "PHONE", "outcome": "NO_ANSWER"}""")
                .then().statusCode(404).contentType("application/problem+json");
        change(other, "POST", path(id, "claim"), version, null).then().statusCode(404);
        assertEquals(version, etag(id), "nothing changed");

        String mine = contactPersonToken("cp-owner");
        given().auth().oauth2(mine).when().get("/api/v1/concerns/" + id).then().statusCode(200);
        given().auth().oauth2(mine).when().get("/api/v1/concerns").then().body("items.id", contains(id));
        // Coordinators' decisions stay theirs, also on the contact person's own concern.
        change(mine, "POST", path(id, "triage"), version, "{\"outcome\": \"ACCEPTED\"}").then().statusCode(403);
        change(mine, "DELETE", path(id, "assignment"), version, null).then().statusCode(403);
        change(mine, "POST", path(id, "close"), version, "{\"reason\": \"DECLINED\"}").then().statusCode(403);
        given().auth().oauth2(mine).when().get(path(id, "assignment-suggestions")).then().statusCode(403);
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND actor = 'cp-other'"), "refused requests leave no trace of a read");
    }

    @Test
    void aContactPersonClaimsATriagedConcernThatNobodyHolds() {
        contactPerson("cp-kim", "Kim Krag", "[\"Claim-Syd\"]", 5, null);
        contactPerson("cp-lea", "Lea Lind", "[\"Claim-Syd\"]", 5, null);
        String id = receive(consumer);
        String kim = contactPersonToken("cp-kim");
        given().auth().oauth2(kim).queryParam("district", "claim-syd").when().get("/api/v1/concerns/claimable")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        triage(id, "Claim-Syd");

        JsonPath listed = given().auth().oauth2(kim).queryParam("district", "claim-syd")
                .when().get("/api/v1/concerns/claimable")
                .then().statusCode(200).body("items.id", contains(id)).extract().jsonPath();
        assertEquals(null, (Object) listed.get("items[0].report"), "the claimable list says nothing about the person");
        String version = "\"" + listed.getInt("items[0].version") + "\"";
        given().auth().oauth2(kim).when().get("/api/v1/concerns/" + id).then().statusCode(404);

        change(kim, "POST", path(id, "claim"), null, null).then().statusCode(428);
        change(kim, "POST", path(id, "claim"), version, null)
                .then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("assignedTo", equalTo("cp-kim"))
                .body("assignment.name", equalTo("Kim Krag"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'CLAIM' AND actor = 'cp-kim' AND details->>'to' = 'ASSIGNED'"));

        given().auth().oauth2(kim).queryParam("district", "claim-syd").when().get("/api/v1/concerns/claimable")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        // Lea saw it in the list before Kim took it: it is no longer hers to see.
        change(contactPersonToken("cp-lea"), "POST", path(id, "claim"), version, null).then().statusCode(404);
        // Kim claiming his own concern again is a move ASSIGNED does not have.
        change(kim, "POST", path(id, "claim"), etag(id), null)
                .then().statusCode(409).body("currentStatus", equalTo("ASSIGNED")).body("refusedMove", equalTo("CLAIM"));

        String untriaged = receive(consumer);
        change(kim, "POST", path(untriaged, "claim"), etag(untriaged), null).then().statusCode(404);
        String another = receive(consumer);
        triage(another, "Claim-Syd");
        change(contactPersonToken("cp-unregistered"), "POST", path(another, "claim"), etag(another), null)
                .then().statusCode(403).body("detail", equalTo("You are not registered as a contact person. Ask an administrator."));
    }

    @Test
    void suggestionsRankPresentBeforeAbsentOwnDistrictFirstThenFreeCapacity() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        String dina = contactPerson("cp-dina", "Dina", "[\"Rank-Vollsmose\"]", 6, null);
        contactPerson("cp-bo", "Bo", "[\"Rank-Vollsmose\", \"Rank-Centrum\"]", 3, today.minusDays(1).toString());
        contactPerson("cp-carl", "Carl", "[\"Rank-Centrum\"]", 10, null);
        contactPerson("cp-anna", "Anna", "[\"Rank-Vollsmose\"]", 10, today.toString());
        // Dina holds two open concerns (free 4), Bo none (free 3): both in the district, Dina first.
        for (int i = 0; i < 2; i++) {
            String held = receive(consumer);
            triage(held, "Rank-Vollsmose");
            assign(held, dina);
        }
        String id = receive(consumer);
        triage(id, "rank-vollsmose");

        List<Map<String, Object>> ranked = given().auth().oauth2(Tokens.of("coordinator", "coordinator-ranks"))
                .when().get(path(id, "assignment-suggestions"))
                .then().statusCode(200).extract().jsonPath().getList("");
        Set<String> ours = Set.of("cp-dina", "cp-bo", "cp-carl", "cp-anna");
        List<Map<String, Object>> mine = ranked.stream().filter(s -> ours.contains(s.get("subject"))).toList();
        assertEquals(List.of("cp-dina", "cp-bo", "cp-carl", "cp-anna"), mine.stream().map(s -> s.get("subject")).toList());
        assertEquals(List.of(true, true, false, true), mine.stream().map(s -> s.get("districtMatch")).toList());
        assertEquals(List.of(4, 3, 10, 10), mine.stream().map(s -> s.get("freeCapacity")).toList());
        assertEquals(List.of(2, 0, 0, 0), mine.stream().map(s -> s.get("openConcerns")).toList());
        assertEquals(List.of(false, false, false, true), mine.stream().map(s -> s.get("absent")).toList(),
                "absent until yesterday is back today; absent until today is still away");
        for (int i = 1; i < ranked.size(); i++) {
            assertEquals(i + 1, ranked.get(i).get("rank"));
        }
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'SUGGESTIONS_READ' AND actor = 'coordinator-ranks'"));

        assign(id, dina);
        given().auth().oauth2(COORDINATOR).when().get(path(id, "assignment-suggestions"))
                .then().statusCode(200).body("find { it.subject == 'cp-dina' }.currentlyAssigned", equalTo(true))
                .body("find { it.subject == 'cp-dina' }.freeCapacity", equalTo(3));
    }

    /**
     * A contact person reads a concern only while it is theirs: taken from them, or closed, it is as if it did not
     * exist - the whole concern, its briefing, its linked view, their list, and any change; the coordinator still sees
     * who held it.
     */
    @Test
    void aContactPersonLosesTheConcernWhenItIsUnassignedOrClosed() {
        String record = contactPerson("cp-leaving", "Lea Ving", "[\"Access-Syd\"]", 5, null);
        String cp = contactPersonToken("cp-leaving");
        String id = receive(consumer);
        triage(id, "Access-Syd");
        String version = assign(id, record);
        seesIt(cp, id, true);

        version = change(COORDINATOR, "DELETE", path(id, "assignment"), version, null).then().statusCode(200)
                .extract().header("ETag");
        seesIt(cp, id, false);

        version = change(COORDINATOR, "PUT", path(id, "assignment"), version, "{\"contactPersonId\": \"" + record + "\"}")
                .then().statusCode(200).extract().header("ETag");
        seesIt(cp, id, true);

        version = change(COORDINATOR, "POST", path(id, "close"), version, "{\"reason\": \"DECEASED\"}")
                .then().statusCode(200).extract().header("ETag");
        seesIt(cp, id, false);
        change(cp, "POST", path(id, "attempts"), version,
                "{\"attemptedAt\": \"2026-11-02T09:00:00Z\", \"channel\": \"PHONE\", \"outcome\": \"NO_ANSWER\"}")
                .then().statusCode(404);
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id)
                .then().statusCode(200).body("assignedTo", org.hamcrest.Matchers.equalTo("cp-leaving"));
    }

    private static void seesIt(String token, String id, boolean sees) {
        int status = sees ? 200 : 404;
        for (String view : List.of("", "/briefing", "/linked")) {
            given().auth().oauth2(token).when().get("/api/v1/concerns/" + id + view).then().statusCode(status);
        }
        List<String> listed = given().auth().oauth2(token).when().get("/api/v1/concerns?limit=100")
                .then().statusCode(200).extract().path("items.id");
        assertEquals(sees, listed.contains(id), "in their list: " + listed);
    }
}
