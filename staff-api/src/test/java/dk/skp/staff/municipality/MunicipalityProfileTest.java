package dk.skp.staff.municipality;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.receive;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Whereabouts;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.municipality.MunicipalityProfiles;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.Channel;
import dk.skp.staff.ConcernSteps;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import dk.skp.staff.retention.ConcernRetention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff with Guldborgsund's profile, edited as a municipality would (personal data kept 30 days, not 90): the client
 * reads it, concerns from postcodes Guldborgsund does not serve carry a warning, and the nightly erasure uses the
 * profile's period, the one the form and the receipt promise.
 */
@QuarkusTest
@TestProfile(MunicipalityProfileTest.ThirtyDayGuldborgsund.class)
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class MunicipalityProfileTest {

    public static class ThirtyDayGuldborgsund implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (InputStream in = MunicipalityProfiles.class.getResourceAsStream("guldborgsund.properties")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("erase-after=P90D", "erase-after=P30D");
                Path file = Files.createTempFile("guldborgsund-30-days", ".properties");
                file.toFile().deleteOnExit();
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return Map.of("skp.municipality.profile", file.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    ConcernSubmittedConsumer consumer;

    @Inject
    ConcernRetention retention;

    @Test
    void everyStaffRoleReadsTheProfileAndNobodyElse() {
        for (String role : new String[] { "coordinator", "contact-person", "admin" }) {
            given().auth().oauth2(Tokens.of(role, "profile-" + role)).when().get("/api/v1/municipality").then().statusCode(200)
                    .body("team.da", equalTo("SKP § 99 team (Støttekontaktpersoner)"))
                    .body("municipality.en", equalTo("Guldborgsund Municipality"))
                    .body("phone", equalTo("54 73 28 02"))
                    .body("postcodes", hasItem("4800"))
                    .body("outsideArea", equalTo("WARN"))
                    .body("eraseAfter", equalTo("P30D"))
                    .body("retentionNotice.da", containsString("30 dage senere"));
        }
        given().when().get("/api/v1/municipality").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aConcernFromAPostcodeTheMunicipalityDoesNotServeCarriesAWarning() {
        String outside = receive(consumer, at("5000"));
        String inside = receive(consumer, at("4800"));
        String placeOnly = receive(consumer, at(null));

        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + outside).then().statusCode(200)
                .body("outsideArea", equalTo(true));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + inside).then().statusCode(200)
                .body("outsideArea", equalTo(false));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + placeOnly).then().statusCode(200)
                .body("outsideArea", equalTo(false));

        var inbox = given().auth().oauth2(COORDINATOR).queryParam("limit", 100).when().get("/api/v1/concerns/inbox")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(true, inbox.get("items.find { it.concern.id == '" + outside + "' }.concern.outsideArea"));
        assertEquals(false, inbox.get("items.find { it.concern.id == '" + inside + "' }.concern.outsideArea"));
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns").then().statusCode(200)
                .body("items.find { it.id == '" + outside + "' }.outsideArea", equalTo(true))
                .body("items.findAll { it.outsideArea }.id", not(hasItem(inside)));
    }

    @Test
    void personalDataIsErasedAfterTheProfilesPeriod() {
        String id = receive(consumer, at("4800"));
        Instant ended = Instant.parse("2021-05-03T10:00:00Z");
        ConcernSteps.sql("UPDATE staff.concern SET status = 'CLOSED', ended_at = '" + ended + "' WHERE id = '" + id + "'");

        assertEquals(0, retention.erase(Clock.fixed(ended.plus(29, ChronoUnit.DAYS), ZoneOffset.UTC)), "29 days after: nothing yet");
        assertEquals(1, retention.erase(Clock.fixed(ended.plus(31, ChronoUnit.DAYS), ZoneOffset.UTC)), "31 days after: erased");
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id).then().statusCode(200)
                .body("erasedAt", equalTo(ended.plus(31, ChronoUnit.DAYS).toString()));
    }

    private static ConcernSubmitted at(String postcode) {
        ConcernReport f = Messages.fixture().concern();
        Whereabouts w = f.whereabouts();
        ConcernReport concern = new ConcernReport(f.reporter(), f.person(),
                new Whereabouts(w.address(), postcode, postcode == null ? "The bench by the station" : w.placeDescription(),
                        w.usualTimes(), w.regularity()),
                f.observations(), f.urgency(), f.acuteDanger(), f.language());
        return ConcernSubmitted.v1(UUID.randomUUID(), ReferenceNumber.next(), Instant.now(), Channel.WEB_FORM, null, concern);
    }
}
