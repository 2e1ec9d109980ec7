package dk.skp.staff.statistics;

import static dk.skp.staff.ConcernSteps.ADMIN;
import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.etag;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.sql;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Reporter;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Statistics through HTTP, over concerns received in March 2025 that this class alone puts in its own database.
 * The flow (triage, attempts, closing) is real; the moments the medians measure are then set by SQL to known values.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class StatisticsResourceTest {

    private static final String MARCH = "/api/v1/statistics?from=2025-03-01&to=2025-03-31";

    @Inject
    ConcernSubmittedConsumer consumer;

    private String receivedFrom(ReporterRole role, Channel channel, String receivedAt) {
        ConcernReport f = Messages.fixture().concern();
        Reporter r = f.reporter();
        ConcernReport concern = new ConcernReport(new Reporter(role, Anonymity.NAMED, r.name(), r.organisation(),
                r.phone(), r.email(), false), f.person(), f.whereabouts(), f.observations(), f.urgency(),
                f.acuteDanger(), f.language());
        return receive(consumer, ConcernSubmitted.v1(UUID.randomUUID(), ReferenceNumber.next(),
                Instant.parse(receivedAt), channel, channel == Channel.PARTNER_API ? "fyns-politi" : null, concern));
    }

    @Test
    void countsTheConcernsOfThePeriodByCodeAndDistrictWithMedianTimesAndNothingAboutPeople() {
        // 1 March 00:30 in Copenhagen is still 28 February in UTC: the period is the municipality's days.
        String police = receivedFrom(ReporterRole.POLICE, Channel.PARTNER_API, "2025-02-28T23:30:00Z");
        String neighbour = receivedFrom(ReporterRole.NEIGHBOUR, Channel.WEB_FORM, "2025-03-12T09:00:00Z");
        String shopkeeper = receivedFrom(ReporterRole.SHOPKEEPER, Channel.WEB_FORM, "2025-03-31T21:00:00Z");
        receivedFrom(ReporterRole.NEIGHBOUR, Channel.WEB_FORM, "2025-02-28T22:30:00Z"); // 23:30 on 28 February in Copenhagen
        receivedFrom(ReporterRole.NEIGHBOUR, Channel.WEB_FORM, "2025-03-31T22:00:00Z"); // midnight: 1 April

        triage(police, "Vollsmose");
        triage(neighbour, "vollsmose ");
        change(COORDINATOR, "POST", "/api/v1/concerns/" + shopkeeper + "/triage", etag(shopkeeper),
                "{\"outcome\": \"REDIRECTED\", \"redirectedTo\": \"Hjemmeplejen\"}").then().statusCode(200);
        change(COORDINATOR, "POST", "/api/v1/concerns/" + neighbour + "/close", etag(neighbour),
                "{\"reason\": \"MOVED\"}").then().statusCode(200);
        sql("UPDATE staff.concern SET first_triaged_at = received_at + interval '2 hours' WHERE id = '" + police + "'");
        sql("UPDATE staff.concern SET first_triaged_at = received_at + interval '4 hours' WHERE id = '" + neighbour + "'");
        sql("UPDATE staff.concern SET first_triaged_at = received_at + interval '9 hours 30 minutes' WHERE id = '" + shopkeeper + "'");
        sql("UPDATE staff.concern SET first_attempt_at = received_at + interval '3 days', "
                + "contact_established_at = received_at + interval '5 days' WHERE id = '" + police + "'");

        String body = given().auth().oauth2(COORDINATOR).when().get(MARCH)
                .then().statusCode(200)
                .body("from", equalTo("2025-03-01"))
                .body("to", equalTo("2025-03-31"))
                .body("received", equalTo(3))
                .body("byReporterRole.POLICE", equalTo(1))
                .body("byReporterRole.NEIGHBOUR", equalTo(1))
                .body("byReporterRole.SHOPKEEPER", equalTo(1))
                .body("byReporterRole.RELATIVE", equalTo(0))
                .body("byChannel.PARTNER_API", equalTo(1))
                .body("byChannel.WEB_FORM", equalTo(2))
                .body("byStatus.TRIAGED", equalTo(1))
                .body("byStatus.CLOSED", equalTo(1))
                .body("byStatus.REDIRECTED", equalTo(1))
                .body("byStatus.RECEIVED", equalTo(0))
                .body("byTargetGroup.HOMELESSNESS", equalTo(2))
                .body("byTargetGroup.SUBSTANCE_ABUSE", equalTo(2))
                .body("byTargetGroup.MENTAL_ILLNESS", equalTo(0))
                .body("byTriageOutcome.ACCEPTED", equalTo(2))
                .body("byTriageOutcome.REDIRECTED", equalTo(1))
                .body("byTriageOutcome.DUPLICATE", equalTo(0))
                .body("byClosingReason.MOVED", equalTo(1))
                .body("byClosingReason.DECLINED", equalTo(0))
                .body("byDistrict.size()", equalTo(1))
                .body("byDistrict.Vollsmose", equalTo(2))
                .body("timeToTriage.concerns", equalTo(3))
                .body("timeToTriage.median", equalTo("PT4H"))
                .body("timeToTriage.medianHours", equalTo(4.0f))
                .body("timeToFirstAttempt.concerns", equalTo(1))
                .body("timeToFirstAttempt.median", equalTo("PT72H"))
                .body("timeToContact.concerns", equalTo(1))
                .body("timeToContact.medianHours", equalTo(120.0f))
                .extract().asString();
        for (String personal : new String[] { "Kim", "Jens Hansen", "blue tent", "railway station", "Hjemmeplejen" }) {
            org.hamcrest.MatcherAssert.assertThat(body, not(containsString(personal)));
        }
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'STATISTICS_READ' "
                + "AND actor = 'coordinator-1' AND concern_id IS NULL AND details->>'from' = '2025-03-01' "
                + "AND details->>'to' = '2025-03-31'"));
    }

    @Test
    void aPeriodWithoutConcernsHasZerosAndNoMedians() {
        given().auth().oauth2(ADMIN).when().get("/api/v1/statistics?from=2019-01-01&to=2019-01-01")
                .then().statusCode(200)
                .body("received", equalTo(0))
                .body("byReporterRole.POLICE", equalTo(0))
                .body("byDistrict.size()", equalTo(0))
                .body("timeToTriage.concerns", equalTo(0))
                .body("timeToTriage.median", nullValue());
    }

    @Test
    void onlyCoordinatorsAndAdminsReadStatistics() {
        given().auth().oauth2(Tokens.of("contact-person", "cp-stat")).when().get(MARCH).then().statusCode(403);
        given().when().get(MARCH).then().statusCode(401);
        given().auth().oauth2(Tokens.expired("coordinator")).when().get(MARCH).then().statusCode(401);
    }

    @Test
    void aBadPeriodIsAPreciseProblemAndNothingIsAudited() {
        long audited = StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'STATISTICS_READ'");
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "en")
                .when().get("/api/v1/statistics?from=2025-03-01&to=2025-02-28")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", equalTo("must not be before from"));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "da")
                .when().get("/api/v1/statistics?from=1.3.2025&to=2025-03-31")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", equalTo("skal være en dato som 2026-11-01"));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "en")
                .when().get("/api/v1/statistics?to=2025-03-31")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", equalTo("is required"));
        assertEquals(audited, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'STATISTICS_READ'"));
    }
}
