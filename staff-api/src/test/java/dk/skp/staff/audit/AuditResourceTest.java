package dk.skp.staff.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.staff.Await;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail for admins and the data protection officer, through HTTP. */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class AuditResourceTest {

    private static final String PATH = "/api/v1/audit";
    private static final String DPO = Tokens.of("admin", "dpo-1");

    @Inject
    ConcernSubmittedConsumer consumer;

    private String registeredConcern() throws Exception {
        ConcernSubmitted message = Messages.fresh(Instant.now());
        StaffDatabase.enqueueAsIntake(message);
        consumer.drainNow();
        // The running listener may have claimed it first; wait for its commit.
        Await.until(() -> StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE reference = '"
                + message.reference() + "'") == 1);
        return given().auth().oauth2(Tokens.coordinator()).queryParam("reference", message.reference())
                .when().get("/api/v1/concerns").then().statusCode(200).extract().path("items[0].id");
    }

    static void sql(String statement) {
        try (Connection staff = StaffDatabase.database().asStaff(); Statement s = staff.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void auditRow(String occurredAt, String actor, String action) {
        sql("INSERT INTO staff.audit_event (occurred_at, actor, actor_roles, action) VALUES ('" + occurredAt + "', '"
                + actor + "', 'coordinator', '" + action + "')");
    }

    @Test
    void aDataSubjectsAccessRequestShowsWhoReadTheConcernAndWhenButNothingOfIt() throws Exception {
        String id = registeredConcern();
        given().auth().oauth2(Tokens.of("coordinator", "coordinator-7")).when().get("/api/v1/concerns/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.of("coordinator", "coordinator-8")).when().get("/api/v1/concerns/" + id).then().statusCode(200);

        String body = given().auth().oauth2(DPO).queryParam("concern", id)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.actor", contains("coordinator-7", "coordinator-8"))
                .body("items.action", contains("READ", "READ"))
                .body("items.concernId", everyItem(equalTo(id)))
                .body("items[0].actorRoles", contains("coordinator"))
                .body("items[0].occurredAt", notNullValue())
                .body("next", nullValue())
                .extract().asString();
        for (String content : new String[] { "Jens", "Kim", "tent", "railway", "HOMELESS", "report" }) {
            assertFalse(body.contains(content), "nothing of the concern itself: " + content);
        }

        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'AUDIT_READ' "
                + "AND actor = 'dpo-1' AND actor_roles = 'admin' AND concern_id = '" + id + "' AND details->>'concern' = '" + id
                + "' AND (details->>'results')::int = 2 AND (details->>'limit')::int = 50"), "reading the trail is audited");
        // So the concern's own trail shows who looked at it.
        given().auth().oauth2(DPO).queryParam("concern", id)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.action", contains("READ", "READ", "AUDIT_READ"))
                .body("items[2].actor", equalTo("dpo-1"))
                .body("items[2].details.concern", equalTo(id));
    }

    @Test
    void anAdminFindsAConcernsTrailByItsReferenceWithoutReadingTheConcern() throws Exception {
        String id = registeredConcern();
        String reference = given().auth().oauth2(Tokens.of("coordinator", "coordinator-9")).when().get("/api/v1/concerns/" + id)
                .then().statusCode(200).extract().path("reference");

        given().auth().oauth2(DPO).queryParam("reference", reference.toLowerCase().replace("-", ""))
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.actor", contains("coordinator-9"))
                .body("items[0].actorName", equalTo("coordinator-9"))
                .body("items.concernId", everyItem(equalTo(id)));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'AUDIT_READ' "
                + "AND actor = 'dpo-1' AND concern_id = '" + id + "' AND details->>'reference' = '" + reference + "'"),
                "the trail's reading is audited on the concern, with the reference asked for");

        given().auth().oauth2(DPO).queryParam("reference", "SKP-0000-0000").when().get(PATH)
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(DPO).header("Accept-Language", "en").queryParam("reference", "not a reference").when().get(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("reference"));
        given().auth().oauth2(DPO).queryParam("reference", reference).queryParam("concern", id).when().get(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("reference"));
    }

    @Test
    void filtersByActorAndByTimeWithDatesInDanishTime() {
        auditRow("2027-03-01T10:00:00Z", "filter-actor", "READ");
        auditRow("2027-03-15T22:30:00Z", "filter-actor", "SEARCH"); // 23:30 on 15 March in Copenhagen
        auditRow("2027-03-15T23:30:00Z", "filter-actor", "READ"); // 00:30 on 16 March in Copenhagen
        auditRow("2027-04-01T00:00:00Z", "filter-actor", "READ");
        auditRow("2027-03-02T10:00:00Z", "someone-else", "READ");

        given().auth().oauth2(DPO).queryParam("actor", "filter-actor").queryParam("from", "2027-03-01").queryParam("to", "2027-03-15")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.occurredAt", contains("2027-03-01T10:00:00Z", "2027-03-15T22:30:00Z"));
        given().auth().oauth2(DPO).queryParam("actor", "filter-actor").queryParam("from", "2027-03-15T23:30:00Z")
                .queryParam("to", "2027-04-01T00:00:00Z")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.occurredAt", contains("2027-03-15T23:30:00Z"));
        given().auth().oauth2(DPO).queryParam("from", "2027-03-02T00:00:00Z").queryParam("to", "2027-03-03T00:00:00Z")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.actor", contains("someone-else"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'AUDIT_READ' "
                + "AND details->>'actor' = 'filter-actor' AND details->>'from' = '2027-02-28T23:00:00Z' "
                + "AND details->>'to' = '2027-03-15T23:00:00Z'"), "the criteria are audited as instants");
    }

    @Test
    void pagesOldestFirstWithoutSkippingOrRepeating() {
        for (int i = 1; i <= 5; i++) {
            auditRow("2027-05-0" + i + "T08:00:00Z", "paging-actor", "READ");
        }
        auditRow("2027-05-03T08:00:00Z", "paging-actor", "SEARCH"); // same instant as another row: the id breaks the tie

        String next = given().auth().oauth2(DPO).queryParam("actor", "paging-actor").queryParam("limit", 4)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.occurredAt", contains("2027-05-01T08:00:00Z", "2027-05-02T08:00:00Z", "2027-05-03T08:00:00Z",
                        "2027-05-03T08:00:00Z"))
                .body("items.action", contains("READ", "READ", "READ", "SEARCH"))
                .body("next", notNullValue())
                .extract().path("next");
        given().auth().oauth2(DPO).queryParam("actor", "paging-actor").queryParam("limit", 4).queryParam("after", next)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.occurredAt", contains("2027-05-04T08:00:00Z", "2027-05-05T08:00:00Z"))
                .body("next", nullValue());
    }

    @Test
    void badCriteriaAreNamedInTheReadersLanguage() {
        given().auth().oauth2(DPO).header("Accept-Language", "en").queryParam("concern", "SKP-7K4M-2QXD")
                .when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("concern"))
                .body("errors[0].message", equalTo("must be an id such as 3f1c2a9e-5b7d-4e8a-9c61-0d2b7e4f8a13"));
        given().auth().oauth2(DPO).header("Accept-Language", "da").queryParam("from", "i går")
                .when().get(PATH)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", equalTo("skal være et tidspunkt som 2026-11-01T08:00:00Z eller en dato som 2026-11-01"));
        given().auth().oauth2(DPO).queryParam("from", "2027-03-02").queryParam("to", "2027-03-01")
                .when().get(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(DPO).queryParam("after", "garbage!")
                .when().get(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().auth().oauth2(DPO).queryParam("limit", 101)
                .when().get(PATH)
                .then().statusCode(422).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void onlyAdminsReadTheAuditTrail() {
        given().auth().oauth2(Tokens.coordinator()).when().get(PATH).then().statusCode(403);
        given().auth().oauth2(Tokens.of("contact-person", "cp-1")).when().get(PATH).then().statusCode(403);
        given().when().get(PATH).then().statusCode(401);
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'AUDIT_READ' "
                + "AND actor IN ('coordinator-1', 'cp-1')"));
    }

    /**
     * The staff service's own database role, the one a stolen configuration or an injected statement would use,
     * cannot take anything out of the trail or rewrite it; the purge function it may call keeps the last year whatever
     * it is asked. (AuditRetentionTest shows the retention schedule still purges old rows through it.)
     */
    @Test
    void theStaffRoleCannotDeleteOrRewriteAuditRows() {
        auditRow("2027-06-01T08:00:00Z", "immutable-actor", "READ");
        sql("INSERT INTO staff.audit_event (actor, actor_roles, action) VALUES ('immutable-actor', 'admin', 'SEARCH')");
        // Granting itself DELETE is no error, but grants nothing (PostgreSQL warns): the role holds no grant option.
        sql("GRANT DELETE, UPDATE, TRUNCATE ON audit.audit_event TO CURRENT_USER");
        for (String attack : List.of(
                "UPDATE staff.audit_event SET actor = 'someone' WHERE actor = 'immutable-actor'",
                "UPDATE audit.audit_event SET actor = 'someone' WHERE actor = 'immutable-actor'",
                "DELETE FROM staff.audit_event WHERE actor = 'immutable-actor'",
                "DELETE FROM audit.audit_event WHERE actor = 'immutable-actor'",
                "TRUNCATE audit.audit_event",
                "ALTER TABLE audit.audit_event DISABLE TRIGGER audit_event_no_update",
                "DROP TABLE audit.audit_event CASCADE",
                "CREATE OR REPLACE FUNCTION audit.purge_before(cutoff timestamptz, max_rows integer) RETURNS integer "
                        + "LANGUAGE sql AS 'SELECT 0'")) {
            assertThrows(IllegalStateException.class, () -> sql(attack), attack);
        }
        sql("SELECT audit.purge_before(now() + interval '100 years', 1000)");
        assertEquals(2, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE actor = 'immutable-actor'"),
                "nothing younger than a year is purged, whatever cut-off is asked for");
        given().auth().oauth2(DPO).queryParam("actor", "immutable-actor").when().get(PATH).then().statusCode(200)
                .body("items", hasSize(2));
    }
}
