package dk.skp.staff.retention;

import static dk.skp.staff.ConcernSteps.ADMIN;
import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.etag;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.referenceOf;
import static dk.skp.staff.ConcernSteps.reporterAskedForUpdates;
import static dk.skp.staff.ConcernSteps.reporterStatus;
import static dk.skp.staff.ConcernSteps.sql;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.skp.model.vocabulary.Indicator;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention through HTTP with real tokens: the referrer's contact data goes as the work ends, the rest of the
 * personal data a set time later (ConcernRetention.erase, called with a clock of the test's own), and what is left
 * is a statistic that can be read but not worked on.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ConcernRetentionTest {

    private static final String RITA = Tokens.of("contact-person", "cp-rita");
    private static final String DISTRICT = "Retention-Vest";
    /** When the work with the erased concern ended: long before anything else in this class ends. */
    private static final Instant ENDED = Instant.parse("2021-03-01T10:00:00Z");

    @Inject
    ConcernSubmittedConsumer consumer;

    @Inject
    ConcernRetention retention;

    private static String path(String id, String action) {
        return "/api/v1/concerns/" + id + (action == null ? "" : "/" + action);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** One value from the database, as text; null for SQL NULL or no row. */
    private static String value(String query) {
        try (Connection admin = StaffDatabase.database().admin(); Statement s = admin.createStatement();
                ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many of the concern's own row (every column, the report included) mention {@code text}. */
    private static long rowMentions(String id, String text) {
        return StaffDatabase.count("SELECT count(*) FROM staff.concern c WHERE id = '" + id + "' AND c::text ILIKE '%"
                + text + "%'");
    }

    private static long attemptsMention(String id, String text) {
        return StaffDatabase.count("SELECT count(*) FROM staff.contact_attempt a WHERE concern_id = '" + id
                + "' AND a::text ILIKE '%" + text + "%'");
    }

    private static String rita() {
        String rita = given().auth().oauth2(ADMIN).when().get("/api/v1/admin/contact-persons")
                .then().statusCode(200).extract().path("find { it.subject == 'cp-rita' }.id");
        return rita != null ? rita : contactPerson("cp-rita", "Rita Rasmussen", "[\"" + DISTRICT + "\"]", 50, null);
    }

    private static String attempt(String outcome) {
        return """
                {"attemptedAt": "%s", "channel": "STREET", "placeNote": "Under the bridge at Vesterbro",
                 "outcome": "%s", "nextStep": "Bring coffee and ask about his sister", "nextStepOn": null}"""
                .formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), outcome);
    }

    /**
     * A concern worked on and closed: the fixture's police referrer (Jens Hansen, phone, e-mail, Fyns Politi) and
     * person ("calls himself Kim", blue tent, railway station), safety notes, a triage reason, an attempt with notes,
     * a closing note, a link to another concern, and a reporter who asked for status updates. Returns its id.
     */
    private String closedConcern(String linkTo) {
        String rita = rita();
        String id = receive(consumer, Messages.withRisks(List.of(Indicator.HOMELESS, Indicator.SUBSTANCE_USE),
                "Big dog behind the tent", false, "pl"));
        reporterAskedForUpdates(referenceOf(id));
        triage(id, DISTRICT);
        assign(id, rita);
        change(RITA, "POST", path(id, "attempts"), etag(id), attempt("CONTACT_ESTABLISHED")).then().statusCode(200);
        if (linkTo != null) {
            change(COORDINATOR, "POST", path(id, "links"), etag(id), "{\"concernId\": \"" + linkTo + "\"}")
                    .then().statusCode(200).body("links.id", contains(linkTo));
        }
        change(COORDINATOR, "POST", path(id, "close"), etag(id),
                "{\"reason\": \"OTHER\", \"note\": \"Moved in with his sister Birgit in Vejle\"}")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        return id;
    }

    @Test
    void theReferrersContactDataIsErasedAsTheWorkEndsAndStaysErasedWhenReopened() {
        String rita = rita();
        String id = receive(consumer);
        triage(id, DISTRICT);
        String version = assign(id, rita);
        given().auth().oauth2(COORDINATOR).when().get(path(id, null)).then().statusCode(200)
                .body("report.reporter.name", equalTo("Jens Hansen"))
                .body("report.reporter.phone", equalTo("+45 11 22 33 44"))
                .body("report.reporter.email", equalTo("jens.hansen@politi.example"))
                .body("referrerErasedAt", nullValue());

        change(COORDINATOR, "POST", path(id, "close"), version, "{\"reason\": \"DECLINED\"}")
                .then().statusCode(200)
                .body("report.reporter.name", nullValue())
                .body("referrerErasedAt", notNullValue());
        // The coordinators keep seeing it, without the referrer's contact data; the contact person no longer does
        // (ConcernAccess: a concern is theirs while its work goes on).
        given().auth().oauth2(RITA).when().get(path(id, null)).then().statusCode(404);
        for (String token : new String[] { COORDINATOR }) {
            given().auth().oauth2(token).when().get(path(id, null)).then().statusCode(200)
                    .body("report.reporter.name", nullValue())
                    .body("report.reporter.phone", nullValue())
                    .body("report.reporter.email", nullValue())
                    .body("report.reporter.role", equalTo("POLICE"))
                    .body("report.reporter.anonymity", equalTo("NAMED"))
                    .body("report.reporter.organisation", equalTo("Fyns Politi, Odense Station"))
                    .body("report.reporter.wantsStatusUpdates", equalTo(true))
                    .body("report.person.name", equalTo("Unknown, calls himself Kim"))
                    .body("report.whereabouts.placeDescription", equalTo("The bushes behind the railway station, north side"))
                    .body("referrerErasedAt", notNullValue())
                    .body("erasedAt", nullValue());
        }
        given().auth().oauth2(ADMIN).when().get(path(id, null)).then().statusCode(403);
        assertEquals(0, rowMentions(id, "Jens"));
        assertEquals(0, rowMentions(id, "politi.example"));
        assertEquals(0, rowMentions(id, "11 22 33"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'CLOSE' AND (details->>'referrerContactErased')::boolean"
                + " AND details::text NOT ILIKE '%Jens%'"));
        String erasedAt = value("SELECT referrer_erased_at FROM staff.concern WHERE id = '" + id + "'");

        change(COORDINATOR, "POST", path(id, "reopen"), etag(id), null)
                .then().statusCode(200)
                .body("status", equalTo("REOPENED"))
                .body("report.reporter.name", nullValue())
                .body("report.reporter.phone", nullValue())
                .body("report.reporter.email", nullValue());
        change(COORDINATOR, "POST", path(id, "close"), etag(id), "{\"reason\": \"MOVED\"}").then().statusCode(200);
        assertEquals(erasedAt, value("SELECT referrer_erased_at FROM staff.concern WHERE id = '" + id + "'"),
                "erased once, when the work first ended");
    }

    @Test
    void anEarlyEndingErasesTheReferrersContactDataToo() {
        String id = receive(consumer);
        change(COORDINATOR, "POST", path(id, "triage"), etag(id), """
                {"outcome": "REDIRECTED", "redirectedTo": "Distriktspsykiatrien Odense", "reason": "Known there"}""")
                .then().statusCode(200)
                .body("status", equalTo("REDIRECTED"))
                .body("report.reporter.name", nullValue())
                .body("report.reporter.phone", nullValue())
                .body("report.reporter.email", nullValue())
                .body("report.reporter.organisation", equalTo("Fyns Politi, Odense Station"))
                .body("triage.redirectedTo", equalTo("Distriktspsykiatrien Odense"))
                .body("referrerErasedAt", notNullValue());
        assertEquals(0, rowMentions(id, "Jens"));
    }

    @Test
    void personalDataIsErasedTheSetTimeAfterTheWorkEndedAndTheStatisticStays() {
        String other = receive(consumer);
        String id = closedConcern(other);
        String reference = referenceOf(id);
        sql("UPDATE staff.concern SET ended_at = '" + ENDED + "' WHERE id = '" + id + "'");
        String facts = "SELECT concat_ws('|', reporter_role, first_triaged_at, first_attempt_at, contact_established_at,"
                + " received_at, channel, partner_id, urgency, acute_danger, triage_outcome, priority, target_groups,"
                + " district, closing_reason, attempts_at_closing, closed_at, triaged_at, status, ended_at)"
                + " FROM staff.concern WHERE id = '" + id + "'";
        String factsBefore = value(facts);
        String versionBefore = etag(id);
        for (String text : new String[] { "calls himself Kim", "blue tent", "railway station", "Evenings and nights",
                "Picked up three times", "Big dog", "Sleeps rough", "sister Birgit" }) {
            assertEquals(1, rowMentions(id, text), text + " is there before");
        }
        assertEquals(1, attemptsMention(id, "bridge"));
        assertEquals("CLOSED", reporterStatus(reference)[0]);

        assertEquals(0, retention.erase(at(ENDED.plus(89, ChronoUnit.DAYS))), "89 days after: nothing yet");
        given().auth().oauth2(COORDINATOR).when().get(path(id, null)).then().statusCode(200)
                .body("erasedAt", nullValue())
                .body("report.person.name", equalTo("Unknown, calls himself Kim"))
                .body("moves", contains("REOPEN"));

        Instant ninetyOneDaysAfter = ENDED.plus(91, ChronoUnit.DAYS);
        assertEquals(1, retention.erase(at(ninetyOneDaysAfter)));

        given().auth().oauth2(RITA).when().get(path(id, null)).then().statusCode(404);
        for (String token : new String[] { COORDINATOR }) {
            given().auth().oauth2(token).when().get(path(id, null)).then().statusCode(200)
                    .body("status", equalTo("CLOSED"))
                    .body("erasedAt", equalTo(ninetyOneDaysAfter.toString()))
                    .body("referrerErasedAt", notNullValue())
                    .body("moves", empty())
                    // What is gone.
                    .body("report.reporter.name", nullValue())
                    .body("report.reporter.organisation", nullValue())
                    .body("report.reporter.phone", nullValue())
                    .body("report.person.name", nullValue())
                    .body("report.person.appearance", nullValue())
                    .body("report.person.language", nullValue())
                    .body("report.whereabouts.address", nullValue())
                    .body("report.whereabouts.postcode", nullValue())
                    .body("report.whereabouts.usualTimes", nullValue())
                    .body("report.observations.description", nullValue())
                    .body("report.observations.safetyNotes", nullValue())
                    .body("triage.reason", nullValue())
                    .body("closing.note", nullValue())
                    .body("attempts[0].placeNote", nullValue())
                    .body("attempts[0].nextStep", nullValue())
                    .body("links", empty())
                    // What stays: codes for statistics.
                    .body("report.reporter.role", equalTo("POLICE"))
                    .body("report.reporter.anonymity", equalTo("NAMED"))
                    .body("report.person.ageBand", equalTo("30_49"))
                    .body("report.person.gender", equalTo("UNKNOWN"))
                    .body("report.person.knowsAboutReport", equalTo("YES"))
                    .body("report.whereabouts.placeDescription", equalTo(DISTRICT))
                    .body("report.whereabouts.regularity", equalTo("MOST_DAYS"))
                    .body("report.observations.indicators", contains("HOMELESS", "SUBSTANCE_USE"))
                    .body("report.urgency", equalTo("NORMAL"))
                    .body("report.language", equalTo("en"))
                    .body("triage.outcome", equalTo("ACCEPTED"))
                    .body("triage.priority", equalTo("HIGH"))
                    .body("triage.targetGroups", contains("HOMELESSNESS", "SUBSTANCE_ABUSE"))
                    .body("triage.district", equalTo(DISTRICT))
                    .body("closing.reason", equalTo("OTHER"))
                    .body("closing.attemptsMade", equalTo(1))
                    .body("attempts", hasSize(1))
                    .body("attempts[0].channel", equalTo("STREET"))
                    .body("attempts[0].outcome", equalTo("CONTACT_ESTABLISHED"));
        }
        // Still listed, and the briefing still answers (with nothing left to brief on).
        given().auth().oauth2(COORDINATOR).queryParam("reference", reference).when().get("/api/v1/concerns")
                .then().statusCode(200).body("items.id", contains(id));
        given().auth().oauth2(COORDINATOR).when().get(path(id, "briefing")).then().statusCode(200)
                .body("safetyNotes", nullValue());
        // The other concern is no longer linked to the statistic.
        given().auth().oauth2(COORDINATOR).when().get(path(other, null)).then().statusCode(200)
                .body("links", empty());

        // Gone from the database too, not just from the answer.
        for (String text : new String[] { "calls himself Kim", "blue tent", "railway station", "Evenings and nights",
                "Picked up three times", "Big dog", "Sleeps rough", "sister Birgit", "Jens", "Fyns Politi" }) {
            assertEquals(0, rowMentions(id, text), text + " is erased");
        }
        assertNull(value("SELECT report->'whereabouts'->>'postcode' FROM staff.concern WHERE id = '" + id + "'"));
        assertNull(value("SELECT link_group FROM staff.concern WHERE id = '" + id + "'"));
        assertEquals(0, attemptsMention(id, "bridge"));
        assertEquals(0, attemptsMention(id, "coffee"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.contact_attempt WHERE concern_id = '" + id + "'"),
                "the attempt is counted still");
        assertEquals(factsBefore, value(facts), "the facts for statistics are as they were");
        assertNull(reporterStatus(reference), "the reporter's look-up is gone: intake answers as for an unknown reference");
        assertNotEquals(versionBefore, etag(id), "the erasure is a change: older reads cannot overwrite it");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'PERSONAL_DATA_ERASED' AND actor = 'system:concern-retention'"
                + " AND details->>'period' = 'P90D' AND details->>'endedAt' = '" + ENDED + "'"
                + " AND (details->>'unlinked')::boolean"));

        // A statistic is not worked on again: not by any role, and not as a target of links or duplicates.
        long auditedBefore = StaffDatabase.count("SELECT coalesce(max(id), 0) FROM staff.audit_event");
        change(COORDINATOR, "POST", path(id, "reopen"), etag(id), null)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The personal data of this concern has been erased after the retention period. "
                        + "It remains as a statistic and cannot be worked on again. If the person needs the team again, "
                        + "that takes a new concern."));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "da").header("If-Match", etag(id))
                .when().post(path(id, "reopen"))
                .then().statusCode(409).body("detail", equalTo("Personoplysningerne i denne henvendelse er slettet "
                        + "efter opbevaringsperioden. Den findes kun som statistik og kan ikke behandles igen. Har "
                        + "personen brug for teamet igen, skal der en ny henvendelse til."));
        change(RITA, "POST", path(id, "reopen"), etag(id), null).then().statusCode(403);
        change(ADMIN, "POST", path(id, "reopen"), etag(id), null).then().statusCode(403);
        change(COORDINATOR, "PUT", path(id, "briefing/team"), etag(id), "{\"team\": \"PAIR\"}").then().statusCode(409);
        change(COORDINATOR, "POST", path(other, "links"), etag(other), "{\"concernId\": \"" + id + "\"}")
                .then().statusCode(422).body("errors.field", contains("concernId"));
        String repeat = receive(consumer);
        change(COORDINATOR, "POST", path(repeat, "triage"), etag(repeat),
                "{\"outcome\": \"DUPLICATE\", \"duplicateOf\": \"" + id + "\"}")
                .then().statusCode(422).body("errors.field", contains("duplicateOf"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND id > " + auditedBefore + " AND action <> 'READ'"), "nothing but reads since the erasure");

        assertEquals(0, retention.erase(at(ninetyOneDaysAfter)), "a second run finds nothing more to erase");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'PERSONAL_DATA_ERASED'"));
    }

    @Test
    void anOpenConcernIsNeverErasedHoweverOld() {
        String rita = rita();
        String assigned = receive(consumer, Messages.fresh(Instant.parse("2019-01-07T09:00:00Z")));
        triage(assigned, DISTRICT);
        assign(assigned, rita);
        String reopened = receive(consumer, Messages.fresh(Instant.parse("2019-01-07T09:00:00Z")));
        triage(reopened, DISTRICT);
        change(COORDINATOR, "POST", path(reopened, "close"), etag(reopened), "{\"reason\": \"MOVED\"}")
                .then().statusCode(200);
        change(COORDINATOR, "POST", path(reopened, "reopen"), etag(reopened), null).then().statusCode(200);
        String closed = receive(consumer);
        triage(closed, DISTRICT);
        change(COORDINATOR, "POST", path(closed, "close"), etag(closed), "{\"reason\": \"DECEASED\"}")
                .then().statusCode(200);

        // Eighty years on: everything that ended is erased, nothing that is open.
        retention.erase(at(Instant.parse("2099-06-01T12:00:00Z")));

        for (String id : new String[] { assigned, reopened }) {
            given().auth().oauth2(COORDINATOR).when().get(path(id, null)).then().statusCode(200)
                    .body("erasedAt", nullValue())
                    .body("report.person.name", equalTo("Unknown, calls himself Kim"))
                    .body("report.observations.description", notNullValue());
        }
        assertNotNull(value("SELECT erased_at FROM staff.concern WHERE id = '" + closed + "'"),
                "the run did erase what had ended");
        given().auth().oauth2(COORDINATOR).when().get(path(closed, null)).then().statusCode(200)
                .body("erasedAt", notNullValue())
                .body("report.person.name", nullValue());
    }

    @Test
    void deadQueueMessagesThatNobodyReplayedGoAfterTheSamePeriodAndAreAudited() {
        // Two concerns that never reached the team: one died 91 days before the run, one 89 days before.
        sql("INSERT INTO queue.message (id, topic, payload, attempts, last_error, enqueued_at, dead_at) VALUES "
                + "('00000000-0000-0000-0000-00000000d091', 'concern-submitted', '{\"concern\": \"personal\"}', 8, 'boom', "
                + "'2024-01-01T10:00:00Z', '2024-01-01T10:00:00Z'), "
                + "('00000000-0000-0000-0000-00000000d089', 'concern-submitted', '{\"concern\": \"personal\"}', 8, 'boom', "
                + "'2024-01-03T10:00:00Z', '2024-01-03T10:00:00Z')");
        retention.erase(at(Instant.parse("2024-04-01T10:00:00Z")));

        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '00000000-0000-0000-0000-00000000d091'"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '00000000-0000-0000-0000-00000000d089'"),
                "89 days dead: an admin may still replay it");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'DEAD_MESSAGE_DISCARDED' "
                + "AND actor = 'system:concern-retention' AND details->>'messageId' = '00000000-0000-0000-0000-00000000d091' "
                + "AND details->>'diedAt' = '2024-01-01T10:00:00Z'"));
        sql("DELETE FROM queue.message WHERE id = '00000000-0000-0000-0000-00000000d089'");
    }

    @Test
    void ninetyDaysAreCountedInTheMunicipalitysCalendar() {
        // 12:00 in Copenhagen (summer time) on 1 June; 90 days before is 12:00 on 3 March, winter time: 11:00 UTC.
        assertEquals(Instant.parse("2026-03-03T11:00:00Z"), retention.cutoff(at(Instant.parse("2026-06-01T10:00:00Z"))));
    }
}
