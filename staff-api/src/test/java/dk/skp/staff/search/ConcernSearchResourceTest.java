package dk.skp.staff.search;

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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Observations;
import dk.skp.model.concern.Person;
import dk.skp.model.concern.Reporter;
import dk.skp.model.concern.Whereabouts;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import dk.skp.staff.retention.ConcernRetention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Finding the same person through HTTP with real tokens, on the real PostgreSQL (pg_trgm, Danish full text). Each
 * test makes concerns with texts of its own (street names nobody else uses), so the tests do not see each other's.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ConcernSearchResourceTest {

    private static final String SEARCH = "/api/v1/concerns/search";

    @Inject
    ConcernSubmittedConsumer consumer;

    @Inject
    ConcernRetention retention;

    /** A report like the fixture's, with the texts a test cares about; null leaves the fixture's out. */
    private static ConcernSubmitted report(String address, String postcode, String place, String name, String appearance,
            String description, ReporterRole role, String organisation, Instant receivedAt) {
        ConcernReport f = Messages.fixture().concern();
        Reporter r = f.reporter();
        Person p = f.person();
        Whereabouts w = f.whereabouts();
        ConcernReport concern = new ConcernReport(
                new Reporter(role == null ? r.role() : role, r.anonymity(), r.name(), organisation, r.phone(), r.email(),
                        r.wantsStatusUpdates()),
                new Person(name, p.ageBand(), p.gender(), appearance, p.language(), p.knowsAboutReport()),
                new Whereabouts(address, postcode, place, w.usualTimes(), w.regularity()),
                new Observations(f.observations().indicators(), description, null),
                f.urgency(), false, f.language());
        return ConcernSubmitted.v1(UUID.randomUUID(), ReferenceNumber.next(), receivedAt, Channel.WEB_FORM, null, concern);
    }

    private String atAddress(String address, String postcode, Instant receivedAt) {
        return receive(consumer, report(address, postcode, null, null, null, "Ingen har set ham i et stykke tid.",
                null, null, receivedAt));
    }

    private static ValidatableResponse search(String token, String json) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON).body(json)
                .when().post(SEARCH).then();
    }

    private static List<String> candidates(String id) {
        return given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id + "/same-person-candidates")
                .then().statusCode(200).extract().path("concern.id");
    }

    @Test
    void aMisspeltAddressFindsTheEarlierConcernAtThatAddressWithWhy() {
        String earlier = atAddress("Kildemosevej 12, 2. th.", "5000", Instant.now().minus(40, ChronoUnit.DAYS));
        String elsewhere = atAddress("Ørbækvej 310", "5220", Instant.now().minus(2, ChronoUnit.DAYS));

        search(COORDINATOR, "{\"address\": \"Kildemosvej 12\"}")
                .statusCode(200)
                .body("items.concern.id", contains(earlier))
                .body("items[0].reasons[0].field", equalTo("ADDRESS"))
                .body("items[0].reasons[0].match", equalTo("SIMILAR"))
                .body("items[0].reasons[0].similarity", org.hamcrest.Matchers.greaterThanOrEqualTo(0.5f))
                .body("items[0].concern.reference", equalTo(referenceOf(earlier)))
                .body("next", nullValue());
        // Typed exactly, it is the same address; the other street stays apart.
        search(COORDINATOR, "{\"address\": \"kildemosevej 12\"}")
                .statusCode(200)
                .body("items.concern.id", contains(earlier))
                .body("items[0].reasons[0].match", equalTo("SAME"))
                .body("items[0].reasons[0].similarity", equalTo(1.0f));
        search(COORDINATOR, "{\"address\": \"Ørbækvej 310\", \"postcode\": \"5220\"}")
                .statusCode(200)
                .body("items.concern.id", contains(elsewhere))
                .body("items[0].reasons.field", contains("ADDRESS", "POSTCODE"));
    }

    @Test
    void danishWordsAreFoundByTheirStem() {
        String id = receive(consumer, report(null, "5700", "Bænkene ved havnen i Svendborg", null,
                "Grøn militærjakke og rød hue", "Han drikker fra morgenstunden og sover på bænken.", null, null,
                Instant.now()));
        // "drikke" and "bænkene" share their stems with "drikker" and "bænken" (danish: drik, bænk).
        search(COORDINATOR, "{\"q\": \"drikke bænkene\"}")
                .statusCode(200)
                .body("items.concern.id", contains(id))
                .body("items[0].reasons.field", containsInAnyOrder("DESCRIPTION", "PLACE"))
                .body("items[0].reasons.match", contains("WORDS", "WORDS"));
        search(COORDINATOR, "{\"appearance\": \"militærjakken\"}")
                .statusCode(200)
                .body("items.concern.id", contains(id))
                .body("items[0].reasons.field", contains("APPEARANCE"));
        // Every criterion given must match: the words are not in the appearance.
        search(COORDINATOR, "{\"appearance\": \"drikker\"}").statusCode(200).body("items", empty());
        search(COORDINATOR, "{\"q\": \"drikker -bænk\"}").statusCode(200).body("items.concern.id", not(hasItem(id)));
    }

    @Test
    void eachCriterionNarrowsTheSearch() {
        Instant march = Instant.parse("2026-03-10T09:00:00Z");
        String police = receive(consumer, report(null, "5240", "Trappen ved Rosengårdcentret", "Benny Vestergaard", null,
                "Sover i opgangen.", ReporterRole.POLICE, "Fyns Politi, Odense Øst", march));
        String housing = receive(consumer, report(null, "5240", "Trappen ved Rosengårdcentret", "Benny Vestergard", null,
                "Sover i opgangen.", ReporterRole.HOUSING_ASSOCIATION, "Civica Boligforening", march.plus(30, ChronoUnit.DAYS)));

        search(COORDINATOR, "{\"place\": \"trappen ved rosengaardcentret\"}").statusCode(200)
                .body("items.concern.id", containsInAnyOrder(police, housing))
                .body("items[0].reasons.field", contains("PLACE"));
        search(COORDINATOR, "{\"personName\": \"Benny Vestergaard\"}").statusCode(200)
                .body("items.concern.id", contains(police, housing)) // the exact name first, then the similar one
                .body("items[0].reasons[0].match", equalTo("SAME"))
                .body("items[1].reasons[0].match", equalTo("SIMILAR"));
        search(COORDINATOR, "{\"personName\": \"Benny\", \"reporterRole\": \"HOUSING_ASSOCIATION\"}").statusCode(200)
                .body("items.concern.id", contains(housing));
        search(COORDINATOR, "{\"reporterOrganisation\": \"Civica\"}").statusCode(200)
                .body("items.concern.id", contains(housing))
                .body("items[0].reasons.field", contains("REPORTER_ORGANISATION"));
        search(COORDINATOR, "{\"place\": \"Rosengårdcentret\", \"receivedFrom\": \"2026-03-10\", \"receivedTo\": \"2026-03-10\"}")
                .statusCode(200).body("items.concern.id", contains(police));
        search(COORDINATOR, "{\"place\": \"Rosengårdcentret\", \"receivedFrom\": \"2026-03-11\"}")
                .statusCode(200).body("items.concern.id", contains(housing));
        search(COORDINATOR, "{\"postcode\": \"5240\", \"status\": \"RECEIVED\"}").statusCode(200)
                .body("items.concern.id", containsInAnyOrder(police, housing));
        triage(police, "Øst");
        search(COORDINATOR, "{\"postcode\": \"5240\", \"status\": \"TRIAGED\"}").statusCode(200)
                .body("items.concern.id", contains(police))
                .body("items[0].reasons.field", contains("POSTCODE"));
    }

    @Test
    void pagesOfRankedResultsNeitherOverlapNorSkip() {
        Instant base = Instant.now().minus(10, ChronoUnit.DAYS);
        Set<String> made = new HashSet<>();
        String[] addresses = { "Hunderupvej 7", "Hunderupvej 7, st.", "Hunderupvej 7, 1. tv.", "Hunderupvej 17",
                "Hundrupvej 7", "Hunderupvej 7", "Hunderupvej 7" };
        for (int i = 0; i < addresses.length; i++) {
            made.add(atAddress(addresses[i], "5230", base.plus(i, ChronoUnit.HOURS)));
        }
        List<String> seen = new ArrayList<>();
        List<Float> ranks = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            String body = "{\"address\": \"Hunderupvej 7\", \"limit\": 2" + (after == null ? "" : ", \"after\": \"" + after + "\"") + "}";
            var page = search(COORDINATOR, body).statusCode(200).extract();
            seen.addAll(page.path("items.concern.id"));
            ranks.addAll(page.<List<Float>>path("items.collect { it.reasons[0].similarity }"));
            after = page.path("next");
            pages++;
        } while (after != null && pages < 10);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no concern on two pages: " + seen);
        assertEquals(made, new HashSet<>(seen), "every match on some page");
        assertEquals(4, pages);
        for (int i = 1; i < ranks.size(); i++) {
            assertTrue(ranks.get(i - 1) >= ranks.get(i), "best matches first: " + ranks);
        }
    }

    @Test
    void everySearchIsAuditedWithItsCodesWhichWordsWereTypedAndWhatItShowedButNotTheWordsThemselves() {
        String shown = atAddress("Vindegade 99", "5000", Instant.now().minus(1, ChronoUnit.DAYS));
        search(Tokens.of("coordinator", "coordinator-audited"),
                "{\"address\": \"Vindegade 99\", \"q\": \"stykke tid\", \"status\": \"RECEIVED\", \"limit\": 5}")
                .statusCode(200).body("items.concern.id", contains(shown));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE actor = 'coordinator-audited'"
                + " AND action = 'SEARCH' AND concern_id IS NULL AND details->'typed' = '[\"address\", \"q\"]'::jsonb"
                + " AND details->>'status' = 'RECEIVED' AND (details->>'limit')::int = 5 AND (details->>'results')::int = 1"
                + " AND details->'shown' = jsonb_build_array('" + shown + "')"));
        // The words typed are personal data: they are not kept in the audit trail, which outlives the concerns.
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE actor = 'coordinator-audited'"
                + " AND (details::text ILIKE '%vindegade%' OR details::text ILIKE '%stykke%')"));
    }

    @Test
    void aContactPersonFindsOnlyTheConcernsAssignedToThem() {
        String mine = atAddress("Thriges Plads 4", "5000", Instant.now().minus(3, ChronoUnit.DAYS));
        String others = atAddress("Thriges Plads 4", "5000", Instant.now().minus(2, ChronoUnit.DAYS));
        String cp = contactPerson("cp-search", "Sanne Søgaard", "[\"Midt\"]", 20, null);
        triage(mine, "Midt");
        assign(mine, cp);
        String sanne = Tokens.of("contact-person", "cp-search");

        search(sanne, "{\"address\": \"Thriges Plads 4\"}").statusCode(200).body("items.concern.id", contains(mine));
        search(COORDINATOR, "{\"address\": \"Thriges Plads 4\"}").statusCode(200)
                .body("items.concern.id", containsInAnyOrder(mine, others));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE actor = 'cp-search'"
                + " AND action = 'SEARCH' AND details->>'assignedTo' = 'cp-search'"));
        // "Possibly the same person" is the coordinators' (linking is theirs), and no one else's.
        given().auth().oauth2(sanne).when().get("/api/v1/concerns/" + mine + "/same-person-candidates")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin", "admin-1")).contentType(ContentType.JSON).body("{\"q\": \"drikker\"}")
                .when().post(SEARCH).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void candidatesForTheSamePersonComeWithWhyAndCanBeLinked() {
        String earlier = receive(consumer, report("Dalumvej 41, 3. th.", "5250", null, "Kim Lauritsen", null, "Råber om natten.",
                null, null, Instant.now().minus(60, ChronoUnit.DAYS)));
        String tent = receive(consumer, report(null, "5250", "Teltet i buskene bag Dalum Kloster", null, null, "Bor i telt.",
                null, null, Instant.now().minus(30, ChronoUnit.DAYS)));
        String unrelated = receive(consumer, report("Sdr. Boulevard 80", "5000", null, "Helle Nielsen", null, "Ensom.",
                null, null, Instant.now().minus(20, ChronoUnit.DAYS)));
        String now = receive(consumer, report("Dalumvej 41", "5250", "Buskene bag Dalum Kloster, i et telt", "Kim Lauritzen",
                null, "Sover udenfor.", null, null, Instant.now()));

        var answer = given().auth().oauth2(COORDINATOR).header("Accept-Language", "en")
                .when().get("/api/v1/concerns/" + now + "/same-person-candidates")
                .then().statusCode(200)
                .body("concern.id", containsInAnyOrder(earlier, tent))
                .body("concern.id", not(hasItem(now)))
                .body("concern.id", not(hasItem(unrelated)))
                .body("find { it.concern.id == '" + earlier + "' }.reasons.field", contains("ADDRESS", "PERSON_NAME"))
                .body("find { it.concern.id == '" + earlier + "' }.reasons[0].match", equalTo("SAME"))
                .body("find { it.concern.id == '" + earlier + "' }.reasons[1].match", equalTo("SIMILAR"))
                .body("find { it.concern.id == '" + tent + "' }.reasons.field", contains("POSTCODE", "PLACE"))
                .body("linked", contains(false, false))
                .body("[0].concern.id", equalTo(earlier)); // the most alike first
        answer.extract();
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE concern_id = '" + now
                + "' AND action = 'READ' AND details->>'view' = 'samePerson' AND (details->>'candidates')::int = 2"));

        // One step from the list: link the candidate with the existing link endpoint.
        change(COORDINATOR, "POST", "/api/v1/concerns/" + now + "/links", etag(now), "{\"concernId\": \"" + earlier + "\"}")
                .then().statusCode(200).body("links.id", contains(earlier));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + now + "/same-person-candidates")
                .then().statusCode(200)
                .body("find { it.concern.id == '" + earlier + "' }.linked", equalTo(true))
                .body("find { it.concern.id == '" + tent + "' }.linked", equalTo(false));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + UUID.randomUUID() + "/same-person-candidates")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void erasedConcernsAreNeitherFoundNorSuggestedAndLeaveNothingBehind() {
        String old = receive(consumer, report("Skibhusvej 200", "5000", null, "Preben Skibhus", "Lang grå frakke",
                "Hamstrer aviser i opgangen.", null, "Skibhus Boligselskab", Instant.now().minus(400, ChronoUnit.DAYS)));
        String fresh = receive(consumer, report("Skibhusvej 200", "5000", null, "Preben Skibhus", null,
                "Hamstrer igen.", null, null, Instant.now()));
        assertTrue(candidates(fresh).contains(old));
        search(COORDINATOR, "{\"q\": \"hamstrer\"}").statusCode(200).body("items.concern.id", hasItem(old));

        change(COORDINATOR, "POST", "/api/v1/concerns/" + old + "/triage", etag(old), """
                {"outcome": "REDIRECTED", "redirectedTo": "Boligsocialt team", "reason": "Kendt der"}""")
                .then().statusCode(200);
        sql("UPDATE staff.concern SET ended_at = '2021-01-01T00:00:00Z' WHERE id = '" + old + "'");
        retention.erase(Clock.fixed(Instant.parse("2021-06-01T00:00:00Z"), ZoneOffset.UTC));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE id = '" + old + "' AND erased_at IS NOT NULL"));

        for (String body : new String[] { "{\"address\": \"Skibhusvej 200\"}", "{\"personName\": \"Preben Skibhus\"}",
                "{\"q\": \"hamstrer\"}", "{\"appearance\": \"frakke\"}", "{\"reporterOrganisation\": \"Skibhus Boligselskab\"}",
                "{\"postcode\": \"5000\"}", "{\"status\": \"REDIRECTED\"}" }) {
            search(COORDINATOR, body).statusCode(200).body("items.concern.id", not(hasItem(old)));
        }
        assertEquals(List.of(), candidates(old), "an erased concern has no traits to compare");
        assertTrue(!candidates(fresh).contains(old), "an erased concern is never suggested");
        // The generated search columns follow the report: nothing of what was erased stays in them (or their indexes).
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE id = '" + old + "' AND search_address IS NULL"
                + " AND search_postcode IS NULL AND search_place IS NULL AND search_name IS NULL AND search_organisation IS NULL"
                + " AND search_appearance = ''::tsvector AND search_text = ''::tsvector"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern c WHERE id = '" + old
                + "' AND (c::text ILIKE '%skibhus%' OR c::text ILIKE '%hamstr%' OR c::text ILIKE '%frakke%')"));
    }

    @Test
    void badCriteriaAreNamedInDanishOrEnglishAndNothingIsSearched() {
        long audited = StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'SEARCH'");
        search(COORDINATOR, "{}").statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("Give at least one criterion to search by."));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "da").contentType(ContentType.JSON).body("{\"q\": \"  \"}")
                .when().post(SEARCH).then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("Angiv mindst ét kriterium at søge efter."));
        search(COORDINATOR, "{\"receivedFrom\": \"2026-05-02\", \"receivedTo\": \"2026-05-01\"}").statusCode(422)
                .body("errors.field", contains("receivedTo"))
                .body("errors[0].message", equalTo("must not be before receivedFrom"));
        search(COORDINATOR, "{\"postcode\": \"50\"}").statusCode(422)
                .body("errors.field", contains("postcode"))
                .body("errors[0].message", equalTo("must be a Danish postcode of four digits"));
        search(COORDINATOR, "{\"address\": \"Ve\", \"personName\": \"K\"}").statusCode(422)
                .body("errors.field", containsInAnyOrder("address", "personName"))
                .body("errors[0].message", equalTo("must be at least 3 characters"));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "da").contentType(ContentType.JSON)
                .body("{\"address\": \"" + "x".repeat(201) + "\"}")
                .when().post(SEARCH).then().statusCode(422)
                .body("errors.field", contains("address"))
                .body("errors[0].message", equalTo("må højst være 200 lang"));
        search(COORDINATOR, "{\"q\": \"drikker\", \"limit\": 0}").statusCode(422).body("errors.field", contains("limit"));
        search(COORDINATOR, "{\"q\": \"drikker\", \"after\": \"garbage!\"}").statusCode(400).body("errors.field", contains("after"));
        search(COORDINATOR, "{\"status\": \"LOST\"}").statusCode(400).body("errors[0].field", equalTo("status"));
        search(COORDINATOR, "{\"receivedFrom\": \"yesterday\"}").statusCode(400).body("errors[0].field", equalTo("receivedFrom"));
        given().auth().oauth2(COORDINATOR).header("Accept-Language", "en").contentType(ContentType.JSON)
                .when().post(SEARCH).then().statusCode(422).contentType("application/problem+json");
        assertEquals(audited, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'SEARCH'"),
                "a refused search is not a search");
    }
}
