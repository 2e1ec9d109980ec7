package dk.skp.staff.rest;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.sql;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.staff.Messages;
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
import org.junit.jupiter.api.Test;

/** What the staff client reads besides the concern API itself: who is signed in, the inbox, a concern's history. */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class StaffClientApiTest {

    @Inject
    ConcernSubmittedConsumer consumer;

    @Test
    void meTellsWhoIsSignedInAndTheirContactPersonRecord() {
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("coordinator-1")).body("roles", equalTo(List.of("coordinator")))
                .body("contactPersonId", nullValue());

        String id = contactPerson("cp-me-1", "Mette Dahl", "[\"Vollsmose\"]", 4, null);
        given().auth().oauth2(Tokens.of("contact-person", "cp-me-1")).when().get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("cp-me-1")).body("name", equalTo("cp-me-1"))
                .body("roles", equalTo(List.of("contact-person"))).body("contactPersonId", equalTo(id));

        given().when().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.expired("coordinator")).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theInboxPutsWhatNeedsActionFirstAndPagesThroughAllOpenConcerns() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String waiting = receive(consumer, Messages.fresh(now.minus(3, ChronoUnit.DAYS)));
        sql("UPDATE staff.concern SET triage_due_at = '" + now.plus(5, ChronoUnit.DAYS) + "' WHERE id = '" + waiting + "'");
        String overdue = receive(consumer);
        sql("UPDATE staff.concern SET triage_due_at = '" + now.minus(2, ChronoUnit.HOURS) + "' WHERE id = '" + overdue + "'");
        String dueSoon = receive(consumer);
        sql("UPDATE staff.concern SET triage_due_at = '" + now.plus(3, ChronoUnit.HOURS) + "' WHERE id = '" + dueSoon + "'");
        String acute = receive(consumer, Messages.withRisks(List.of(), null, true, null));
        String urgent = receive(consumer);
        sql("UPDATE staff.concern SET urgency = 'URGENT' WHERE id = '" + urgent + "'");
        String worked = receive(consumer);
        triage(worked, "Vollsmose");
        assign(worked, contactPerson("cp-inbox-1", "Ib Holm", "[\"Vollsmose\"]", 4, null));
        sql("UPDATE staff.concern SET first_attempt_due_at = NULL WHERE id = '" + worked + "'");
        String closed = receive(consumer);
        sql("UPDATE staff.concern SET status = 'CLOSED', ended_at = now(), triage_due_at = NULL WHERE id = '" + closed + "'");

        List<Map<String, Object>> items = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth().oauth2(COORDINATOR).queryParam("limit", 2);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/v1/concerns/inbox").then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            after = page.getString("next");
        } while (after != null);

        List<String> order = items.stream().map(i -> (String) ((Map<?, ?>) i.get("concern")).get("id"))
                .filter(id -> List.of(waiting, overdue, dueSoon, acute, urgent, worked, closed).contains(id)).toList();
        assertEquals(List.of(acute, urgent, overdue, dueSoon, waiting, worked), order, "inbox order");
        Map<String, Object> first = items.stream().filter(i -> acute.equals(((Map<?, ?>) i.get("concern")).get("id")))
                .findFirst().orElseThrow();
        assertEquals("ACUTE", first.get("attention"));
        assertNotNull(first.get("indicators"));
        Map<String, Object> withAnna = items.stream().filter(i -> worked.equals(((Map<?, ?>) i.get("concern")).get("id")))
                .findFirst().orElseThrow();
        assertEquals("NONE", withAnna.get("attention"));
        assertEquals("Ib Holm", ((Map<?, ?>) withAnna.get("concern")).get("assignedToName"), "the holder's name, not only their subject");

        given().auth().oauth2(Tokens.of("contact-person", "cp-inbox-1")).when().get("/api/v1/concerns/inbox")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(COORDINATOR).queryParam("after", "not-a-cursor").when().get("/api/v1/concerns/inbox")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("after"));
        long searches = StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'SEARCH' "
                + "AND details ->> 'view' = 'inbox'");
        assertTrue(searches >= 4, "every inbox page is audited as a search: " + searches);
    }

    @Test
    void aConcernTellsItsHistoryWithWhoActed() {
        String id = receive(consumer);
        triage(id, "Odense C");
        assign(id, contactPerson("cp-history-1", "Hanne Berg", "[\"Odense C\"]", 4, null));

        JsonPath concern = given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("REGISTERED", "TRIAGE", "ASSIGN"), concern.getList("history.action"));
        assertEquals("coordinator-1", concern.getString("history[1].actor"));
        assertEquals("coordinator-1", concern.getString("history[1].actorName"));
        assertEquals(null, concern.getString("history[0].actor"));
    }

    @Test
    void aChangeCarriedByTheBrowserSessionAloneMustComeFromTheClientsOwnScript() {
        // A forged form post from another site: the browser adds the session cookie, but not the client's header.
        given().cookie("q_session_web", "anything").header("Origin", "https://evil.example").header("Accept-Language", "en")
                .contentType("application/json").body("{}")
                .when().post("/api/v1/concerns/00000000-0000-4000-8000-000000000000/triage")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("SKP client"));
        given().cookie("q_session_web", "anything").header("X-Requested-With", "JavaScript")
                .header("Sec-Fetch-Site", "cross-site").contentType("application/json").body("{}")
                .when().post("/api/v1/concerns/00000000-0000-4000-8000-000000000000/triage")
                .then().statusCode(403);
        // The client's own call gets past the guard, to the sign-in check (no valid session here).
        given().cookie("q_session_web", "anything").header("X-Requested-With", "JavaScript")
                .contentType("application/json").body("{}")
                .when().post("/api/v1/concerns/00000000-0000-4000-8000-000000000000/triage")
                .then().statusCode(401);
        // Bearer clients are not affected, and reads never are.
        given().cookie("q_session_web", "anything").when().get("/api/v1/me").then().statusCode(401);
    }
}
