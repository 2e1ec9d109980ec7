package dk.skp.staff.lifecycle;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.etag;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.referenceOf;
import static dk.skp.staff.ConcernSteps.reporterAskedForUpdates;
import static dk.skp.staff.ConcernSteps.reporterStatus;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.skp.model.vocabulary.Indicator;
import dk.skp.staff.ConcernSteps;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ConcernLifecycleResourceTest {

    private static final String ACCEPTED = """
            {"outcome": "ACCEPTED", "priority": "HIGH", "targetGroups": ["HOMELESSNESS", "SUBSTANCE_ABUSE"],
             "district": "Vollsmose", "reason": "Sleeps rough near the station"}""";

    @Inject
    ConcernSubmittedConsumer consumer;

    private static String path(String id, String action) {
        return "/api/v1/concerns/" + id + "/" + action;
    }

    private static long audited(String id, String action) {
        return StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = '" + action + "'");
    }

    @Test
    void triageTakesAConcernOnPublishesInProgressAndIsAuditedWithoutContent() {
        String id = receive(consumer);
        String reference = referenceOf(id);
        reporterAskedForUpdates(reference);
        assertEquals("RECEIVED", reporterStatus(reference)[0]);

        change(COORDINATOR, "POST", path(id, "triage"), "\"0\"", ACCEPTED)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("TRIAGED"))
                .body("version", equalTo(1))
                .body("triage.outcome", equalTo("ACCEPTED"))
                .body("triage.priority", equalTo("HIGH"))
                .body("triage.targetGroups", contains("HOMELESSNESS", "SUBSTANCE_ABUSE"))
                .body("triage.district", equalTo("Vollsmose"))
                .body("triage.triagedBy", equalTo("coordinator-1"))
                .body("moves", contains("TRIAGE", "REDIRECT", "MARK_DUPLICATE", "MARK_OUTSIDE_TARGET_GROUP", "ASSIGN",
                        "CLAIM", "CLOSE"));

        assertEquals("IN_PROGRESS", reporterStatus(reference)[0], "the reporter's coarse status follows the change");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'TRIAGE' AND actor = 'coordinator-1' AND details->>'outcome' = 'ACCEPTED' "
                + "AND details->>'from' = 'RECEIVED' AND details->>'to' = 'TRIAGED'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND (details::text ILIKE '%station%' OR details::text ILIKE '%vollsmose%')"),
                "audit details carry codes, never what the team wrote");

        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("triage.reason", equalTo("Sleeps rough near the station"));
    }

    @Test
    void aChangeWithoutIfMatchIs428AndWithAStaleOneIs412AndChangesNothing() {
        String id = receive(consumer);
        change(COORDINATOR, "POST", path(id, "triage"), null, ACCEPTED)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:skp:problem:precondition-required"))
                .body("detail", containsString("If-Match"));
        change(COORDINATOR, "POST", path(id, "triage"), "*", ACCEPTED).then().statusCode(428);
        change(COORDINATOR, "POST", path(id, "triage"), "\"7\"", ACCEPTED)
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("changed since you read it"));
        change(COORDINATOR, "POST", path(id, "triage"), "W/\"0\"", ACCEPTED).then().statusCode(412);
        change(COORDINATOR, "POST", path(id, "triage"), "not-a-tag", ACCEPTED).then().statusCode(412);
        assertEquals("\"0\"", etag(id));
        assertEquals(0, audited(id, "TRIAGE"));

        String first = ConcernSteps.triage(id, "Vollsmose");
        // A second coordinator still holds the version from before the first one's triage.
        change(COORDINATOR, "POST", path(id, "close"), "\"0\"", "{\"reason\": \"MOVED\"}").then().statusCode(412);
        change(COORDINATOR, "POST", path(id, "close"), first, "{\"reason\": \"MOVED\"}").then().statusCode(200);
    }

    @Test
    void concurrentChangesWithTheSameVersionLetExactlyOneThrough() throws Exception {
        String id = receive(consumer);
        String version = etag(id);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> triage = () -> change(COORDINATOR, "POST", path(id, "triage"), version, ACCEPTED).statusCode();
                answers.add(pool.submit(triage));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("\"1\"", etag(id));
        assertEquals(1, audited(id, "TRIAGE"));
    }

    @Test
    void anIllegalMoveIs409ListingTheMovesThatExist() {
        String id = receive(consumer);
        change(COORDINATOR, "POST", path(id, "close"), etag(id), "{\"reason\": \"MOVED\"}")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:skp:problem:conflict"))
                .body("currentStatus", equalTo("RECEIVED"))
                .body("refusedMove", equalTo("CLOSE"))
                .body("allowedMoves", contains("TRIAGE", "REDIRECT", "MARK_DUPLICATE", "MARK_OUTSIDE_TARGET_GROUP"))
                .body("detail", equalTo("CLOSE is not possible while the concern is RECEIVED. "
                        + "Possible now: TRIAGE, REDIRECT, MARK_DUPLICATE, MARK_OUTSIDE_TARGET_GROUP."));
        given().auth().oauth2(COORDINATOR).header("If-Match", etag(id)).header("Accept-Language", "da")
                .when().post(path(id, "reopen"))
                .then().statusCode(409).header("Content-Language", "da")
                .body("detail", equalTo("REOPEN er ikke muligt, mens henvendelsen er RECEIVED. "
                        + "Muligt nu: TRIAGE, REDIRECT, MARK_DUPLICATE, MARK_OUTSIDE_TARGET_GROUP."));
        change(COORDINATOR, "DELETE", path(id, "assignment"), etag(id), null)
                .then().statusCode(409).body("allowedMoves", hasSize(4));
        assertEquals("\"0\"", etag(id), "a refused move changes nothing");
    }

    @Test
    void triageRulesNameEachMissingField() {
        String id = receive(consumer);
        String version = etag(id);
        change(COORDINATOR, "POST", path(id, "triage"), version, "{\"outcome\": \"ACCEPTED\"}")
                .then().statusCode(422)
                .body("errors.field", contains("district", "priority", "targetGroups"))
                .body("errors[0].message", equalTo("is required when SKP takes the concern on (ACCEPTED)"));
        change(COORDINATOR, "POST", path(id, "triage"), version, "{\"outcome\": \"REDIRECTED\"}")
                .then().statusCode(422).body("errors.field", contains("redirectedTo"));
        change(COORDINATOR, "POST", path(id, "triage"), version,
                "{\"outcome\": \"DUPLICATE\", \"duplicateOf\": \"" + id + "\"}")
                .then().statusCode(422).body("errors[0].message", equalTo("must be another concern than this one"));
        change(COORDINATOR, "POST", path(id, "triage"), version,
                "{\"outcome\": \"DUPLICATE\", \"duplicateOf\": \"00000000-0000-0000-0000-000000000001\"}")
                .then().statusCode(422).body("errors[0].message", equalTo("is not the id of a concern"));
        change(COORDINATOR, "POST", path(id, "triage"), version, "{\"outcome\": \"MAYBE\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"))
                .body("errors[0].message", containsString("ACCEPTED, REDIRECTED, DUPLICATE, OUTSIDE_TARGET_GROUP"));
        change(COORDINATOR, "POST", path(id, "triage"), version, "{}")
                .then().statusCode(422).body("errors.field", contains("outcome"));
        assertEquals(version, etag(id));
    }

    @Test
    void onlyCoordinatorsDecide() {
        String id = receive(consumer);
        String contactPerson = Tokens.of("contact-person", "cp-eve");
        change(contactPerson, "POST", path(id, "triage"), etag(id), ACCEPTED).then().statusCode(403);
        change(contactPerson, "POST", path(id, "close"), etag(id), "{\"reason\": \"MOVED\"}").then().statusCode(403);
        change(contactPerson, "POST", path(id, "links"), etag(id), "{\"concernId\": \"" + id + "\"}").then().statusCode(403);
        change(Tokens.of("admin", "admin-1"), "POST", path(id, "triage"), etag(id), ACCEPTED).then().statusCode(403);
        change(contactPerson, "PUT", path(id, "briefing/team"), etag(id), "{\"team\": \"PAIR\"}").then().statusCode(403);
        given().when().post(path(id, "reopen")).then().statusCode(401);
    }

    @Test
    void anEarlyEndingClosesForTheReporterAndCanBeReopenedAndTriagedAgain() {
        String id = receive(consumer);
        String reference = referenceOf(id);
        reporterAskedForUpdates(reference);
        String version = change(COORDINATOR, "POST", path(id, "triage"), etag(id), """
                {"outcome": "REDIRECTED", "redirectedTo": "Distriktspsykiatrien Odense", "reason": "Known there"}""")
                .then().statusCode(200)
                .body("status", equalTo("REDIRECTED"))
                .body("triage.redirectedTo", equalTo("Distriktspsykiatrien Odense"))
                .body("moves", contains("REOPEN"))
                .extract().header("ETag");
        assertEquals("CLOSED", reporterStatus(reference)[0]);

        change(COORDINATOR, "POST", path(id, "triage"), version, ACCEPTED)
                .then().statusCode(409).body("allowedMoves", contains("REOPEN"));

        version = change(COORDINATOR, "POST", path(id, "reopen"), version, null)
                .then().statusCode(200).body("status", equalTo("REOPENED")).body("assignedTo", nullValue())
                .extract().header("ETag");
        assertEquals("IN_PROGRESS", reporterStatus(reference)[0]);
        change(COORDINATOR, "POST", path(id, "claim"), version, null).then().statusCode(403); // coordinators assign

        change(COORDINATOR, "POST", path(id, "triage"), version, ACCEPTED)
                .then().statusCode(200).body("status", equalTo("TRIAGED")).body("triage.redirectedTo", nullValue());
        assertEquals(1, audited(id, "REOPEN"));
    }

    @Test
    void closingNeedsWhatItsReasonNeedsAndPublishesClosed() {
        String id = receive(consumer);
        String reference = referenceOf(id);
        reporterAskedForUpdates(reference);
        String version = ConcernSteps.triage(id, "Odense C");
        String before = reporterStatus(reference)[1];

        change(COORDINATOR, "POST", path(id, "close"), version, "{\"reason\": \"HANDED_OVER\"}")
                .then().statusCode(422).body("errors.field", contains("consent", "handedOverTo"));
        change(COORDINATOR, "POST", path(id, "close"), version, "{\"reason\": \"OTHER\"}")
                .then().statusCode(422).body("errors.field", contains("note"));
        change(COORDINATOR, "POST", path(id, "close"), version, "{\"reason\": \"NOT_FOUND\"}")
                .then().statusCode(422).body("errors[0].message",
                        equalTo("record at least one contact attempt before closing as not found"));
        change(COORDINATOR, "POST", path(id, "close"), version, "{\"reason\": \"GONE\"}").then().statusCode(400);

        String closed = change(COORDINATOR, "POST", path(id, "close"), version,
                "{\"reason\": \"HANDED_OVER\", \"handedOverTo\": \"Bostøtte, Odense Kommune\", "
                        + "\"consent\": {\"agreed\": true, \"services\": [\"HOUSING\"], \"dataSharing\": true}}")
                .then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closing.reason", equalTo("HANDED_OVER"))
                .body("closing.handedOverTo", equalTo("Bostøtte, Odense Kommune"))
                .body("closing.attemptsMade", equalTo(0))
                .body("closing.closedBy", equalTo("coordinator-1"))
                .extract().header("ETag");
        String[] after = reporterStatus(reference);
        assertEquals("CLOSED", after[0]);
        assertNotEquals(before, after[1]);
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'CLOSE' AND details->>'reason' = 'HANDED_OVER' AND details::text NOT ILIKE '%Bostøtte%'"));

        change(COORDINATOR, "POST", path(id, "reopen"), closed, null)
                .then().statusCode(200).body("closing", nullValue()).body("status", equalTo("REOPENED"));
    }

    @Test
    void theReporterSeesAChangeOnlyWhenItCommits() {
        String id = receive(consumer);
        String reference = referenceOf(id);
        reporterAskedForUpdates(reference);
        String version = ConcernSteps.triage(id, "Odense C");
        String[] before = reporterStatus(reference);
        // Make the last step of closing, its audit row, fail: the published status must roll back with it.
        ConcernSteps.sql("""
                CREATE FUNCTION staff.fail_close_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit is down'; END $$;
                CREATE TRIGGER fail_close_audit BEFORE INSERT ON audit.audit_event FOR EACH ROW
                    WHEN (NEW.action = 'CLOSE') EXECUTE FUNCTION staff.fail_close_audit();""");
        try {
            change(COORDINATOR, "POST", path(id, "close"), version, "{\"reason\": \"MOVED\"}")
                    .then().statusCode(500).contentType("application/problem+json");
        } finally {
            ConcernSteps.sql("DROP TRIGGER fail_close_audit ON audit.audit_event; DROP FUNCTION staff.fail_close_audit()");
        }
        assertArrayEquals(before, reporterStatus(reference), "status and its time are as before");
        assertEquals(version, etag(id));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id)
                .then().body("status", equalTo("TRIAGED")).body("closing", nullValue());

        change(COORDINATOR, "POST", path(id, "close"), version, "{\"reason\": \"MOVED\"}").then().statusCode(200);
        assertEquals("CLOSED", reporterStatus(reference)[0]);
    }

    @Test
    void aDuplicateIsLinkedToItsOriginalAndTheLinkedViewShowsBothAsAuditedReads() {
        String original = receive(consumer);
        String duplicate = receive(consumer);
        String originalVersion = etag(original);

        change(COORDINATOR, "POST", path(duplicate, "triage"), etag(duplicate),
                "{\"outcome\": \"DUPLICATE\", \"duplicateOf\": \"" + original + "\"}")
                .then().statusCode(200)
                .body("status", equalTo("DUPLICATE"))
                .body("triage.duplicateOf", equalTo(original))
                .body("links.id", contains(original));
        assertNotEquals(originalVersion, etag(original), "the original's links changed, so its version did");

        List<String> items = given().auth().oauth2(Tokens.of("coordinator", "coordinator-linked"))
                .when().get("/api/v1/concerns/" + duplicate + "/linked")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].report.observations.description", notNullValue())
                .body("items[1].report.observations.description", notNullValue())
                .extract().path("items.id");
        assertEquals(List.of(original, duplicate), items, "oldest first, each whole");
        for (String id : items) {
            assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                    + "' AND action = 'READ' AND actor = 'coordinator-linked' AND details->>'view' = 'linked'"));
        }
    }

    @Test
    void linksJoinGroupsAndUnlinkingTakesOneConcernOut() {
        String a = receive(consumer);
        String b = receive(consumer);
        String c = receive(consumer);

        change(COORDINATOR, "POST", path(a, "links"), etag(a), "{\"concernId\": \"" + b + "\"}")
                .then().statusCode(200).body("links.id", contains(b));
        change(COORDINATOR, "POST", path(c, "links"), etag(c), "{\"concernId\": \"" + b + "\"}")
                .then().statusCode(200).body("links.id", contains(a, b));
        change(COORDINATOR, "POST", path(a, "links"), etag(a), "{\"concernId\": \"" + c + "\"}")
                .then().statusCode(409).body("detail", equalTo("The two concerns are linked already."));
        change(COORDINATOR, "POST", path(a, "links"), etag(a), "{\"concernId\": \"" + a + "\"}")
                .then().statusCode(422).body("errors.field", contains("concernId"));
        change(COORDINATOR, "POST", path(a, "links"), etag(a), "{}").then().statusCode(422);
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + a + "/linked")
                .then().statusCode(200).body("items.id", contains(a, b, c));

        change(COORDINATOR, "DELETE", path(b, "links"), etag(b), null)
                .then().statusCode(200).body("links", empty());
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + a)
                .then().body("links.id", contains(c));
        change(COORDINATOR, "DELETE", path(a, "links"), etag(a), null).then().statusCode(200);
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + c)
                .then().body("links", empty());
        change(COORDINATOR, "DELETE", path(c, "links"), etag(c), null)
                .then().statusCode(409).body("detail", equalTo("The concern is not linked to any other."));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + c + "/linked")
                .then().statusCode(200).body("items.id", contains(c));
        assertEquals(1, audited(b, "UNLINK"));
        assertEquals(2, audited(b, "LINK"), "b was linked by a's link and then joined by c");
    }

    @Test
    void theBriefingSuggestsAPairWhenAnythingSignalsRisk() {
        String risky = receive(consumer, Messages.withRisks(List.of(Indicator.CONFUSED_OR_PSYCHOTIC, Indicator.HOARDING),
                "Large dog in the flat; has threatened the caretaker", false, "pl"));
        String calm = receive(consumer, Messages.withRisks(List.of(Indicator.SOCIAL_ISOLATION), null, false, "da"));

        given().auth().oauth2(Tokens.of("coordinator", "coordinator-briefed")).when().get(path(risky, "briefing"))
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("safetyNotes", equalTo("Large dog in the flat; has threatened the caretaker"))
                .body("riskIndicators", contains("CONFUSED_OR_PSYCHOTIC"))
                .body("riskSignals", contains("SAFETY_NOTES", "CONFUSED_OR_PSYCHOTIC"))
                .body("personLanguage", equalTo("pl"))
                .body("whereabouts.placeDescription", equalTo("The bushes behind the railway station, north side"))
                .body("suggestedTeam", equalTo("PAIR"))
                .body("decidedTeam", nullValue())
                .body("team", equalTo("PAIR"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + risky
                + "' AND action = 'BRIEFING_READ' AND actor = 'coordinator-briefed'"));

        String version = given().auth().oauth2(COORDINATOR).when().get(path(calm, "briefing"))
                .then().statusCode(200)
                .body("riskSignals", empty())
                .body("riskIndicators", empty())
                .body("suggestedTeam", equalTo("ALONE"))
                .body("team", equalTo("ALONE"))
                .extract().header("ETag");

        // The coordinator knows the address from before, and sends two.
        version = change(COORDINATOR, "PUT", path(calm, "briefing/team"), version, "{\"team\": \"PAIR\"}")
                .then().statusCode(200)
                .body("suggestedTeam", equalTo("ALONE")).body("decidedTeam", equalTo("PAIR")).body("team", equalTo("PAIR"))
                .extract().header("ETag");
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + calm).then().body("visitTeam", equalTo("PAIR"));
        change(COORDINATOR, "PUT", path(calm, "briefing/team"), version, "{}")
                .then().statusCode(200).body("decidedTeam", nullValue()).body("team", equalTo("ALONE"));
        change(COORDINATOR, "PUT", path(calm, "briefing/team"), "\"0\"", "{\"team\": \"ALONE\"}").then().statusCode(412);
        assertEquals(2, audited(calm, "VISIT_TEAM"));

        String acute = receive(consumer, Messages.withRisks(List.of(Indicator.SOCIAL_ISOLATION), null, true, null));
        given().auth().oauth2(COORDINATOR).when().get(path(acute, "briefing"))
                .then().body("riskSignals", contains("ACUTE_DANGER")).body("team", equalTo("PAIR"));
    }

    @Test
    void theListFiltersByPriorityAndDistrictAndAuditsTheCriteria() {
        String id = receive(consumer);
        ConcernSteps.triage(id, "Filter-Bolbro");
        given().auth().oauth2(Tokens.of("coordinator", "coordinator-filter"))
                .queryParam("district", "filter-bolbro").queryParam("priority", "HIGH").queryParam("status", "TRIAGED")
                .when().get("/api/v1/concerns")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].district", equalTo("Filter-Bolbro"))
                .body("items[0].priority", equalTo("HIGH"))
                .body("items[0].version", equalTo(1));
        given().auth().oauth2(COORDINATOR).queryParam("district", "filter-bolbro").queryParam("priority", "LOW")
                .when().get("/api/v1/concerns").then().statusCode(200).body("items", empty());
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'SEARCH' "
                + "AND actor = 'coordinator-filter' AND details->>'district' = 'filter-bolbro' "
                + "AND details->>'priority' = 'HIGH' AND details->>'status' = 'TRIAGED'"));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "en").queryParam("priority", "URGENT")
                .when().get("/api/v1/concerns")
                .then().statusCode(400).body("errors[0].field", equalTo("priority"))
                .body("errors[0].message", equalTo("must be one of: HIGH, NORMAL, LOW"));
    }
}
