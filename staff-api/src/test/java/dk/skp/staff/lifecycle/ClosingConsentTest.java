package dk.skp.staff.lifecycle;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.staff.ConcernSteps;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import dk.skp.staff.retention.ConcernRetention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The citizen's say as the work ends: HANDED_OVER needs their consent, DECLINED records their no; both are counted. */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ClosingConsentTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final String HANDED_OVER = """
            {"reason": "HANDED_OVER", "handedOverTo": "Distriktspsykiatrien Odense",
             "consent": {"agreed": true, "services": ["PSYCHIATRY", "GP", "PSYCHIATRY"], "dataSharing": true}}""";

    @Inject
    ConcernSubmittedConsumer consumer;

    @Inject
    ConcernRetention retention;

    private static String close(String id) {
        return "/api/v1/concerns/" + id + "/close";
    }

    private String triaged(Instant receivedAt) {
        String id = ConcernSteps.receive(consumer, Messages.fresh(receivedAt));
        ConcernSteps.triage(id, "Odense C");
        return id;
    }

    /** A 422 naming exactly these fields, and the concern still as it was. */
    private static void refused(String id, String json, String... fields) {
        String version = etag(id);
        change(COORDINATOR, "POST", close(id), version, json).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains(fields));
        assertEquals(version, etag(id), "nothing changed");
    }

    @Test
    void handingOverNeedsTheCitizensConsentWhole() {
        String id = triaged(Instant.now());
        refused(id, "{\"reason\": \"HANDED_OVER\", \"handedOverTo\": \"Bostøtte\"}", "consent");
        refused(id, "{\"reason\": \"HANDED_OVER\", \"handedOverTo\": \"Bostøtte\", \"consent\": {}}", "consent.agreed");
        refused(id, "{\"reason\": \"HANDED_OVER\", \"handedOverTo\": \"Bostøtte\", \"consent\": {\"agreed\": true}}",
                "consent.dataSharing", "consent.services");
        refused(id, "{\"reason\": \"HANDED_OVER\", \"handedOverTo\": \"Bostøtte\", \"consent\": "
                + "{\"agreed\": false, \"services\": [\"HOUSING\"], \"dataSharing\": false}}", "consent.agreed");
        change(COORDINATOR, "POST", close(id), etag(id), "{\"reason\": \"HANDED_OVER\", \"handedOverTo\": \"Bostøtte\", "
                + "\"consent\": {\"agreed\": true, \"services\": [\"HOUSE\"], \"dataSharing\": true}}")
                .then().statusCode(400);
        given().auth().oauth2(COORDINATOR).header("If-Match", etag(id)).header("Accept-Language", "da")
                .contentType("application/json").body("{\"reason\": \"HANDED_OVER\", \"handedOverTo\": \"Bostøtte\"}")
                .when().post(close(id)).then().statusCode(422)
                .body("errors[0].message", equalTo("angiv, hvad borgeren sagde ja til: en overdragelse kræver borgerens samtykke"));

        String closed = change(COORDINATOR, "POST", close(id), etag(id), HANDED_OVER).then().statusCode(200)
                .body("closing.reason", equalTo("HANDED_OVER"))
                .body("closing.consent.agreed", equalTo(true))
                .body("closing.consent.services", contains("PSYCHIATRY", "GP"))
                .body("closing.consent.dataSharing", equalTo(true))
                .extract().header("ETag");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'CLOSE' AND details->>'consentAgreed' = 'true'"));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id).then()
                .body("closing.consent.services", contains("PSYCHIATRY", "GP"));

        change(COORDINATOR, "POST", "/api/v1/concerns/" + id + "/reopen", closed, null).then().statusCode(200)
                .body("closing", nullValue());
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE id = '" + id
                + "' AND consent_agreed IS NULL AND consent_services IS NULL AND consent_data_sharing IS NULL"),
                "reopening clears the say with the rest of the closing");
    }

    @Test
    void declinedRecordsTheCitizensNoAndOtherEndingsTakeNoConsent() {
        String id = triaged(Instant.now());
        refused(id, "{\"reason\": \"DECLINED\", \"consent\": {\"agreed\": true}}", "consent.agreed");
        refused(id, "{\"reason\": \"DECLINED\", \"consent\": {\"agreed\": false, \"dataSharing\": true}}",
                "consent.dataSharing");
        refused(id, "{\"reason\": \"MOVED\", \"consent\": {\"agreed\": false}}", "consent");
        change(COORDINATOR, "POST", close(id), etag(id), "{\"reason\": \"DECLINED\"}").then().statusCode(200)
                .body("closing.consent.agreed", equalTo(false))
                .body("closing.consent.services", empty())
                .body("closing.consent.dataSharing", nullValue());

        String offered = triaged(Instant.now());
        change(COORDINATOR, "POST", close(offered), etag(offered),
                "{\"reason\": \"DECLINED\", \"consent\": {\"agreed\": false, \"services\": [\"ADDICTION_TREATMENT\"]}}")
                .then().statusCode(200).body("closing.consent.services", contains("ADDICTION_TREATMENT"));

        String moved = triaged(Instant.now());
        change(COORDINATOR, "POST", close(moved), etag(moved), "{\"reason\": \"MOVED\"}").then().statusCode(200)
                .body("closing.consent", nullValue());
    }

    @Test
    void statisticsCountTheConsentPerServiceAndTheNosAndKeepThemAfterErasure() {
        LocalDate day = LocalDate.of(2025, 6, 2);
        Instant noon = day.atTime(12, 0).atZone(ZONE).toInstant();
        String first = triaged(noon);
        change(COORDINATOR, "POST", close(first), etag(first), HANDED_OVER).then().statusCode(200);
        String second = triaged(noon);
        change(COORDINATOR, "POST", close(second), etag(second), """
                {"reason": "HANDED_OVER", "handedOverTo": "Jobcentret",
                 "consent": {"agreed": true, "services": ["JOB_CENTRE", "GP"], "dataSharing": false}}""")
                .then().statusCode(200);
        String third = triaged(noon);
        change(COORDINATOR, "POST", close(third), etag(third),
                "{\"reason\": \"DECLINED\", \"consent\": {\"agreed\": false, \"services\": [\"HOUSING\"]}}")
                .then().statusCode(200);
        triaged(noon); // open: not counted

        // Personal data erased long after: the say is codes, not personal, and stays for statistics.
        retention.erase(Clock.fixed(Instant.now().plusSeconds(400L * 24 * 3600), ZoneOffset.UTC));
        assertEquals(3, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE erased_at IS NOT NULL "
                + "AND consent_agreed IS NOT NULL AND id IN ('" + first + "', '" + second + "', '" + third + "')"));

        var stats = given().auth().oauth2(COORDINATOR).when().get("/api/v1/statistics?from=" + day + "&to=" + day)
                .then().statusCode(200)
                .body("received", equalTo(4))
                .body("consent.handedOverWithConsent", equalTo(2))
                .body("consent.dataSharingConsented", equalTo(1))
                .body("consent.declined", equalTo(1))
                .extract();
        assertEquals(Map.of("PSYCHIATRY", 1, "ADDICTION_TREATMENT", 0, "HOUSING", 0, "GP", 2, "JOB_CENTRE", 1, "OTHER", 0),
                stats.path("consent.handedOverByService"));
        assertEquals(Map.of("PSYCHIATRY", 0, "ADDICTION_TREATMENT", 0, "HOUSING", 1, "GP", 0, "JOB_CENTRE", 0, "OTHER", 0),
                stats.path("consent.declinedByService"));
    }
}
