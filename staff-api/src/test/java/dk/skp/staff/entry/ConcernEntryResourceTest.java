package dk.skp.staff.entry;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.staff.ConcernSteps;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concerns staff enter themselves, through HTTP: intake's rules, staff's channels, who took it, and nothing twice. */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ConcernEntryResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTACT_PERSON = Tokens.of("contact-person", "cp-entry");
    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    /** A neighbour who phoned in, wanting to stay anonymous. */
    private static ObjectNode phoneCall() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"channel": "PHONE", "issuePasscode": false, "report": {
                  "reporter": {"role": "NEIGHBOUR", "anonymity": "ANONYMOUS"},
                  "person": {"ageBand": "50_66", "knowsAboutReport": "NO", "appearance": "Grå frakke, stok"},
                  "whereabouts": {"address": "Vestergade 12, 2. th.", "postcode": "5000", "regularity": "DAILY"},
                  "observations": {"indicators": ["SOCIAL_ISOLATION"], "description": "Har ikke set ham i to uger."},
                  "urgency": "NORMAL"}}""");
    }

    private static ObjectNode report(ObjectNode request) {
        return (ObjectNode) request.get("report");
    }

    private static ValidatableResponse post(String token, ObjectNode body) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(body.toString()).when().post("/api/v1/concerns").then();
    }

    private static long concerns() {
        return StaffDatabase.count("SELECT count(*) FROM staff.concern");
    }

    /** A refusal with 422 that stores nothing, not even an audit row. */
    private static ValidatableResponse refused(String token, ObjectNode body) {
        long before = concerns();
        long audited = StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'CREATE'");
        ValidatableResponse response = post(token, body).statusCode(422).contentType("application/problem+json");
        assertEquals(before, concerns(), "nothing is stored");
        assertEquals(audited, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'CREATE'"));
        return response;
    }

    @Test
    void aCoordinatorEntersAPhoneCallThatLandsInTheInboxWithWhoTookItAndIsAuditedAsCreation() throws Exception {
        String coordinator = Tokens.claims("coordinator", "kim-entry").claim("name", "Kim Larsen")
                .sign(io.smallrye.jwt.util.KeyUtils.readPrivateKey("test-keys/private.pem"));
        var answer = post(coordinator, phoneCall()).statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/concerns/[0-9a-f-]{36}"))
                .header("Idempotent-Replayed", nullValue())
                .body("reference", matchesPattern("SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))
                .body("channel", equalTo("PHONE"))
                .body("urgency", equalTo("NORMAL"))
                .body("passcode", nullValue())
                .extract();
        String id = answer.path("id");
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM exchange.reporter_status WHERE reference = '"
                + answer.path("reference") + "'"), "no passcode asked for: no status row");

        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("channel", equalTo("PHONE"))
                .body("partnerId", nullValue())
                .body("enteredBy.subject", equalTo("kim-entry"))
                .body("enteredBy.name", equalTo("Kim Larsen"))
                .body("report.reporter.anonymity", equalTo("ANONYMOUS"))
                .body("report.observations.description", equalTo("Har ikke set ham i to uger."))
                .body("triageDueAt", notNullValue())
                .body("history[0].action", equalTo("REGISTERED"))
                .body("history[0].actor", equalTo("kim-entry"))
                .body("history[0].actorName", equalTo("Kim Larsen"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + id
                + "' AND action = 'CREATE' AND actor = 'kim-entry' AND actor_name = 'Kim Larsen' "
                + "AND details->>'channel' = 'PHONE' AND details::text NOT ILIKE '%Vestergade%'"));

        List<String> inbox = given().auth().oauth2(COORDINATOR).queryParam("limit", 100).when()
                .get("/api/v1/concerns/inbox").then().statusCode(200).extract().path("items.concern.id");
        assertEquals(true, inbox.contains(id), "in the coordinators' inbox like any other concern");
    }

    @Test
    void everyStaffChannelIsTakenAndIntakesChannelsAreNot() throws Exception {
        for (String channel : List.of("PHONE", "IN_PERSON", "EMAIL", "LETTER")) {
            ObjectNode body = phoneCall();
            body.put("channel", channel);
            post(COORDINATOR, body).statusCode(201).body("channel", equalTo(channel));
        }
        for (String channel : List.of("WEB_FORM", "PARTNER_API")) {
            ObjectNode body = phoneCall();
            body.put("channel", channel);
            refused(COORDINATOR, body).body("errors.field", contains("channel"))
                    .body("errors[0].message", equalTo("must be one of: PHONE, IN_PERSON, EMAIL, LETTER"));
        }
        ObjectNode unknown = phoneCall();
        unknown.put("channel", "PIGEON");
        post(COORDINATOR, unknown).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aContactPersonMayEnterOneForTheCoordinatorsButNotReadItAfterwardsAndAnAdminMayNotEnter() throws Exception {
        String id = post(CONTACT_PERSON, phoneCall()).statusCode(201).extract().path("id");
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id).then().statusCode(200)
                .body("enteredBy.subject", equalTo("cp-entry"))
                .body("assignedTo", nullValue())
                .body("status", equalTo("RECEIVED"));
        given().auth().oauth2(CONTACT_PERSON).when().get("/api/v1/concerns/" + id).then().statusCode(404);

        long before = concerns();
        post(Tokens.of("admin", "admin-entry"), phoneCall()).statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(phoneCall().toString()).when().post("/api/v1/concerns")
                .then().statusCode(401);
        assertEquals(before, concerns());
    }

    @Test
    void underEighteenIsRefusedAsIntakeRefusesItWithTheRouteAndNothingIsStored() throws Exception {
        ObjectNode body = phoneCall();
        ((ObjectNode) report(body).get("person")).put("ageBand", "UNDER_18");
        refused(COORDINATOR, body)
                .body("type", equalTo("urn:skp:problem:child-welfare"))
                .body("detail", containsString("https://www.example-kommune.dk/underretning"))
                .body("errors.field", contains("report.person.ageBand"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/concerns").then().statusCode(422)
                .body("title", equalTo("Det er en bekymring for et barn"));
    }

    @Test
    void theReportsRulesAreIntakesNamedInsideTheRequestInDanishOrEnglish() throws Exception {
        ObjectNode body = phoneCall();
        ((ObjectNode) report(body).get("reporter")).put("name", "Karen").put("phone", "+45 12 34 56 78");
        ((ObjectNode) report(body).get("whereabouts")).putNull("address");
        refused(COORDINATOR, body)
                .body("type", equalTo("urn:skp:problem:invalid-fields"))
                .body("errors.field", contains("report.reporter.name", "report.reporter.phone", "report.whereabouts.address"))
                .body("errors[0].message", equalTo("must be left out when anonymity is ANONYMOUS"));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "da").contentType(ContentType.JSON)
                .body(body.toString()).when().post("/api/v1/concerns").then().statusCode(422)
                .body("title", equalTo("Nogle felter er ikke udfyldt korrekt"))
                .body("errors.find { it.field == 'report.whereabouts.address' }.message",
                        equalTo("skriv en adresse, eller beskriv stedet"));

        ObjectNode shape = phoneCall();
        ((ObjectNode) report(shape).get("whereabouts")).put("postcode", "50000");
        report(shape).remove("urgency");
        refused(COORDINATOR, shape).body("errors.field", hasItem("report.whereabouts.postcode"))
                .body("errors.field", hasItem("report.urgency"));

        ObjectNode named = phoneCall();
        ((ObjectNode) report(named).get("reporter")).put("anonymity", "NAMED").put("name", "Karen Jensen")
                .put("phone", "+45 12 34 56 78");
        post(COORDINATOR, named).statusCode(201);
    }

    @Test
    void cprNumbersAreRemovedBeforeAnythingIsStored() throws Exception {
        ObjectNode body = phoneCall();
        ((ObjectNode) report(body).get("observations")).put("description", "Hans cpr er 010190-1234, siger naboen.");
        var answer = post(COORDINATOR, body).statusCode(201)
                .body("redactedFields", contains("observations.description")).extract();
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + answer.path("id")).then()
                .body("report.observations.description", equalTo("Hans cpr er [CPR-nr. fjernet], siger naboen."));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE report::text LIKE '%010190%'"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE details::text LIKE '%010190%'"));
    }

    @Test
    void acuteDangerIsFlaggedUrgentAndComesFirstInTheInbox() throws Exception {
        ObjectNode body = phoneCall();
        report(body).put("acuteDanger", true);
        String id = post(COORDINATOR, body).statusCode(201)
                .body("urgency", equalTo("URGENT")).body("acuteDanger", equalTo(true)).extract().path("id");
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/inbox").then().statusCode(200)
                .body("items.find { it.concern.id == '" + id + "' }.attention", equalTo("ACUTE"));
    }

    @Test
    void theReceivedTimeDefaultsToNowIsNeverInTheFutureAndNotAbsurdlyOld() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String receivedAt = post(COORDINATOR, phoneCall()).statusCode(201).extract().path("receivedAt");
        assertEquals(true, !Instant.parse(receivedAt).isBefore(before), "now when left out");

        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode letter = phoneCall();
        letter.put("channel", "LETTER").put("receivedAt", yesterday.toString());
        post(COORDINATOR, letter).statusCode(201).body("receivedAt", equalTo(yesterday.toString()));

        ObjectNode future = phoneCall();
        future.put("receivedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        refused(COORDINATOR, future).body("errors.field", contains("receivedAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
        ObjectNode old = phoneCall();
        old.put("receivedAt", Instant.now().minus(31, ChronoUnit.DAYS).toString());
        refused(COORDINATOR, old).body("errors.field", contains("receivedAt"))
                .body("errors[0].message", equalTo("must be within the last 30 days"));
    }

    @Test
    void aPasscodeIsShownOnceAndOnlyItsHashIsKeptWhereIntakeLooksItUp() throws Exception {
        ObjectNode body = phoneCall();
        body.put("issuePasscode", true);
        var answer = post(COORDINATOR, body).statusCode(201)
                .body("passcode", matchesPattern("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}"))
                .extract();
        String reference = answer.path("reference");
        String passcode = answer.path("passcode");
        String id = answer.path("id");
        try (Connection intake = StaffDatabase.database().asIntake(); PreparedStatement lookup = intake.prepareStatement(
                "SELECT status FROM exchange.reporter_status WHERE reference = ? AND passcode_hash = ?")) {
            lookup.setString(1, reference);
            lookup.setString(2, ConcernSteps.passcodeHasher().hash(passcode.toLowerCase()));
            try (ResultSet row = lookup.executeQuery()) {
                assertEquals(true, row.next(), "intake finds the status with the passcode as a reporter types it");
                assertEquals("RECEIVED", row.getString(1));
            }
        }
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM exchange.reporter_status WHERE reference = '" + reference
                + "' AND passcode_hash = '" + dk.skp.model.exchange.Secrets.sha256(passcode.replace("-", "")) + "'"),
                "not a bare SHA-256, which a stolen table would give away in hours: an HMAC with the server's secret");
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE report::text LIKE '%" + passcode + "%'"));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id).then()
                .body("report.reporter.wantsStatusUpdates", equalTo(true))
                .body(not(containsString(passcode)));

        ConcernSteps.triage(id, "Odense C");
        assertEquals("IN_PROGRESS", ConcernSteps.reporterStatus(reference)[0], "the status moves like any other's");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersWithTheFirstConcernAndANewPasscode() throws Exception {
        ObjectNode body = phoneCall();
        body.put("issuePasscode", true);
        String key = "entry-" + UUID.randomUUID();
        long before = concerns();
        var first = given().auth().oauth2(COORDINATOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.toString()).when().post("/api/v1/concerns").then().statusCode(201).extract();
        // The same request once more, written differently: the answer went missing, or the button was tapped twice.
        var again = given().auth().oauth2(COORDINATOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(JSON.readTree(body.toString()).toPrettyString()).when().post("/api/v1/concerns").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.<String>path("id"), again.path("id"));
        assertEquals(first.<String>path("reference"), again.path("reference"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertNotEquals(first.<String>path("passcode"), again.path("passcode"));
        assertEquals(before + 1, concerns());
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM exchange.reporter_status WHERE reference = '"
                + again.path("reference") + "' AND passcode_hash = '" + ConcernSteps.passcodeHasher().hash(again.path("passcode")) + "'"),
                "the first passcode was never confirmed read out: the new one replaces it");

        ObjectNode other = phoneCall();
        other.put("channel", "EMAIL");
        given().auth().oauth2(COORDINATOR).header("Idempotency-Key", key).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body(other.toString()).when().post("/api/v1/concerns").then()
                .statusCode(422).body("type", equalTo("urn:skp:problem:idempotency-key-reused"));
        // Keys are each staff member's own: another's same key is another concern.
        given().auth().oauth2(CONTACT_PERSON).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.toString()).when().post("/api/v1/concerns").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(before + 2, concerns());
        given().auth().oauth2(COORDINATOR).header("Idempotency-Key", "ä bad key").contentType(ContentType.JSON)
                .body(body.toString()).when().post("/api/v1/concerns").then().statusCode(422)
                .body("errors[0].field", equalTo("idempotencyKey"));
    }

    @Test
    void concurrentTriesWithOneKeyMakeOneConcern() throws Exception {
        String body = phoneCall().toString();
        String key = "tap-" + UUID.randomUUID();
        long before = concerns();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<String> tap = () -> given().auth().oauth2(COORDINATOR).header("Idempotency-Key", key)
                        .contentType(ContentType.JSON).body(body).when().post("/api/v1/concerns").then()
                        .statusCode(201).extract().path("id");
                answers.add(pool.submit(tap));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertEquals(1, ids.stream().distinct().count(), "every tap answers with the one concern");
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, concerns());
    }

    @Test
    void statisticsCountEnteredConcernsByTheirChannel() throws Exception {
        LocalDate day = LocalDate.now(ZONE).minusDays(12);
        Instant noon = day.atTime(12, 0).atZone(ZONE).toInstant();
        for (String channel : List.of("PHONE", "PHONE", "LETTER")) {
            ObjectNode body = phoneCall();
            body.put("channel", channel).put("receivedAt", noon.toString());
            post(COORDINATOR, body).statusCode(201);
        }
        Map<String, Integer> byChannel = given().auth().oauth2(COORDINATOR)
                .when().get("/api/v1/statistics?from=" + day + "&to=" + day).then().statusCode(200)
                .body("received", equalTo(3)).extract().path("byChannel");
        assertEquals(Map.of("WEB_FORM", 0, "PARTNER_API", 0, "PHONE", 2, "IN_PERSON", 0, "EMAIL", 0, "LETTER", 1), byChannel);
    }
}
