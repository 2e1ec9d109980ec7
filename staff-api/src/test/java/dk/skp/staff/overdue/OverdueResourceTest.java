package dk.skp.staff.overdue;

import static dk.skp.staff.ConcernSteps.ADMIN;
import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.etag;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.referenceOf;
import static dk.skp.staff.ConcernSteps.sql;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The overdue list over HTTP with real tokens. Concerns are received, triaged, assigned and attempted through the API;
 * only their open deadlines are moved into the past with SQL, as if the working days had gone by.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class OverdueResourceTest {

    private static final String OVERDUE = "/api/v1/concerns/overdue";
    /** Everything an item may carry: nothing about the person, the reporter or what was observed. */
    private static final Set<String> ITEM_FIELDS = Set.of("id", "reference", "status", "missed", "dueAt", "assignedTo",
            "assignedToName", "priority", "urgency", "acuteDanger");

    @Inject
    ConcernSubmittedConsumer consumer;

    private static Instant ago(long hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void triageDue(String id, Instant due) {
        sql("UPDATE staff.concern SET triage_due_at = '" + due + "' WHERE id = '" + id + "'");
    }

    private static void firstAttemptDue(String id, Instant due) {
        sql("UPDATE staff.concern SET first_attempt_due_at = '" + due + "' WHERE id = '" + id + "'");
    }

    /** Every item the viewer's overdue list holds, page by page. */
    private static List<Map<String, Object>> overdue(String token) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 100);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.when().get(OVERDUE).then().statusCode(200).contentType("application/json")
                    .extract().jsonPath();
            all.addAll(page.getList("items"));
            after = page.getString("next");
        } while (after != null);
        return all;
    }

    private static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("id")).toList();
    }

    private static Map<String, Object> itemFor(List<Map<String, Object>> items, String id) {
        return items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElse(null);
    }

    private static String attempt() {
        return """
                {"attemptedAt": "%s", "channel": "PHONE", "outcome": "NO_ANSWER"}"""
                .formatted(Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aConcernPastItsTriageDeadlineIsListedForCoordinatorsUntilItIsTriaged() {
        String id = receive(consumer);
        String reference = referenceOf(id);
        assertNull(itemFor(overdue(COORDINATOR), id), "a new concern is not overdue: triage is due tomorrow evening");

        Instant due = ago(2);
        triageDue(id, due);
        String coordinator = Tokens.of("coordinator", "coordinator-overdue");
        Map<String, Object> item = itemFor(overdue(coordinator), id);
        assertNotNull(item, "listed once the deadline has passed");
        assertEquals(reference, item.get("reference"));
        assertEquals("RECEIVED", item.get("status"));
        assertEquals("TRIAGE", item.get("missed"));
        assertEquals(due, Instant.parse((String) item.get("dueAt")));
        assertEquals("NORMAL", item.get("urgency"));
        assertEquals(false, item.get("acuteDanger"));
        assertNull(item.get("assignedTo"));
        assertNull(item.get("priority"));
        assertTrue(ITEM_FIELDS.containsAll(item.keySet()), "nothing about the person: " + item.keySet());
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'SEARCH' "
                + "AND actor = 'coordinator-overdue' AND concern_id IS NULL AND details->>'overdue' = 'true' "
                + "AND (details->>'limit')::int = 100 AND (details->>'results')::int >= 1"), "audited as a search");

        triage(id, "Overdue-Nord");
        assertNull(itemFor(overdue(COORDINATOR), id), "triaged: the triage deadline is met");
    }

    @Test
    void aFirstAttemptIsDueAfterAssignmentAndEachContactPersonSeesOnlyTheirOwn() {
        String ane = contactPerson("cp-ane", "Ane Andersen", "[\"Overdue-Syd\"]", 10, null);
        String bent = contactPerson("cp-bent", "Bent Bach", "[\"Overdue-Syd\"]", 10, null);
        String anes = receive(consumer);
        String bents = receive(consumer);
        triage(anes, "Overdue-Syd");
        triage(bents, "Overdue-Syd");
        assign(anes, ane);
        assign(bents, bent);
        String aneToken = Tokens.of("contact-person", "cp-ane");
        String bentToken = Tokens.of("contact-person", "cp-bent");
        assertEquals(List.of(), ids(overdue(aneToken)), "assigned today: the first attempt is due in five working days");

        firstAttemptDue(anes, ago(30));
        firstAttemptDue(bents, ago(5));
        List<Map<String, Object>> all = overdue(COORDINATOR);
        Map<String, Object> item = itemFor(all, anes);
        assertNotNull(item);
        assertEquals("FIRST_ATTEMPT", item.get("missed"));
        assertEquals("ASSIGNED", item.get("status"));
        assertEquals("cp-ane", item.get("assignedTo"));
        assertEquals("HIGH", item.get("priority"));
        assertTrue(ids(all).indexOf(anes) < ids(all).indexOf(bents), "the longest overdue first");

        assertEquals(List.of(anes), ids(overdue(aneToken)), "Ane sees her own and only her own");
        assertEquals(List.of(bents), ids(overdue(bentToken)), "Bent sees his own and only his own");
        given().auth().oauth2(aneToken).when().get("/api/v1/concerns/" + bents).then().statusCode(404);
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'SEARCH' "
                + "AND actor = 'cp-ane' AND details->>'overdue' = 'true' AND details->>'assignedTo' = 'cp-ane' "
                + "AND (details->>'results')::int = 1"), "a contact person's search is narrowed to their own, and says so");

        change(aneToken, "POST", "/api/v1/concerns/" + anes + "/attempts", etag(anes), attempt())
                .then().statusCode(200);
        assertEquals(List.of(), ids(overdue(aneToken)), "an attempt meets the first-attempt deadline");
        List<String> after = ids(overdue(COORDINATOR));
        assertFalse(after.contains(anes));
        assertTrue(after.contains(bents), "Bent's is still overdue");
    }

    @Test
    void pagesAreBoundedOldestDeadlineFirstAndFollowTheCursor() {
        // Deadlines years back, so that these three come before anything else in the list.
        String first = receive(consumer);
        String second = receive(consumer);
        String third = receive(consumer);
        triageDue(third, Instant.parse("2020-01-03T23:00:00Z"));
        triageDue(first, Instant.parse("2020-01-01T23:00:00Z"));
        triageDue(second, Instant.parse("2020-01-02T23:00:00Z"));

        JsonPath page = given().auth().oauth2(COORDINATOR).queryParam("limit", 2).when().get(OVERDUE)
                .then().statusCode(200).body("next", notNullValue()).extract().jsonPath();
        assertEquals(List.of(first, second), page.getList("items.id"));
        assertEquals("2020-01-01T23:00:00Z", page.getString("items[0].dueAt"));
        given().auth().oauth2(COORDINATOR).queryParam("limit", 2).queryParam("after", page.getString("next"))
                .when().get(OVERDUE)
                .then().statusCode(200).body("items[0].id", equalTo(third));

        List<Map<String, Object>> defaults = given().auth().oauth2(COORDINATOR).when().get(OVERDUE)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(defaults.size() <= 50, "50 by default");
        assertEquals(first, defaults.get(0).get("id"));
    }

    @Test
    void onlyCoordinatorsAndContactPersonsMayListAndBadParametersAreProblems() {
        given().when().get(OVERDUE).then().statusCode(401);
        given().auth().oauth2(ADMIN).when().get(OVERDUE).then().statusCode(403);
        given().auth().oauth2(Tokens.expired("coordinator")).when().get(OVERDUE).then().statusCode(401);

        for (int limit : new int[] { 0, 101, -1 }) {
            given().auth().oauth2(COORDINATOR).header("Accept-Language", "en").queryParam("limit", limit)
                    .when().get(OVERDUE)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo("must be between 1 and 100"));
        }
        given().auth().oauth2(COORDINATOR).queryParam("after", "garbage!").when().get(OVERDUE)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));

        // A cursor of the plain concern list is not one of this list's.
        receive(consumer);
        receive(consumer);
        String listCursor = given().auth().oauth2(COORDINATOR).queryParam("limit", 1).when().get("/api/v1/concerns")
                .then().statusCode(200).extract().path("next");
        assertNotNull(listCursor);
        given().auth().oauth2(COORDINATOR).queryParam("after", listCursor).when().get(OVERDUE)
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void overdueIsAPathOfItsOwnBesideTheConcernIds() {
        String id = receive(consumer);
        given().auth().oauth2(COORDINATOR).when().get(OVERDUE)
                .then().statusCode(200).body("items", notNullValue());
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        // Still a concern id, not the list, when it merely starts with the word.
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/overdue-ish")
                .then().statusCode(404);
    }
}
