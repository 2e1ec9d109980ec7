package dk.skp.intake.municipality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.model.message.MessageCodec;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The default deployment (Odense): its page publishes no phone, e-mail or hours, so every page must do without them;
 * its profile lets a concern from another postcode in with a word to the reporter.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class OdenseProfileTest {

    @Test
    void withoutPhoneEmailOrHoursTheFormNamesTheTeamAndLeavesTheRestOut() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<strong>Støtte- og Kontaktpersonordningen (SKP)</strong><br>Beskæftigelses- og Socialforvaltningen, Odense Kommune"));
        assertTrue(html.contains("id=\"team-outside-hours\""));
        assertFalse(html.contains("id=\"team-phone\"") || html.contains("id=\"team-hours\"") || html.contains("id=\"team-email\"")
                || html.contains("id=\"call-instead\""), "nothing made up, no empty lines");
        assertTrue(html.contains("de mest socialt udstødte og isolerede grupper"));
    }

    @Test
    void theCatalogLeavesOutWhatIsNotSet() {
        given().when().get("/api/v1/catalog").then().statusCode(200)
                .body("municipality.id", equalTo("odense"))
                .body("municipality.team.en", equalTo("SKP, the support and contact person scheme"))
                .body("municipality.phone", nullValue())
                .body("municipality.hours", nullValue())
                .body("municipality.outsideArea", equalTo("WARN"))
                .body("childWelfareRoute", nullValue());
    }

    @Test
    void aPostcodeOutsideIsAcceptedWithAWordToTheReporter() throws Exception {
        long before = IntakeDatabase.queued();
        ObjectNode concern = (ObjectNode) new ObjectMapper().readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
        ((ObjectNode) concern.get("whereabouts")).put("postcode", "8000");
        given().contentType(ContentType.JSON).body(concern.toString())
                .when().post("/api/v1/concerns").then().statusCode(202)
                .body("serviceNotice", containsString("Det postnummer, du har skrevet, hører ikke under Odense Kommune. Teamet ser alligevel på din henvendelse"));
        assertEquals(before + 1, IntakeDatabase.queued());
        assertEquals("8000", MessageCodec.decode(IntakeDatabase.lastPayload()).concern().whereabouts().postcode(),
                "the message is unchanged: staff works out the warning from the same profile");

        ((ObjectNode) concern.get("whereabouts")).put("postcode", "5000");
        given().contentType(ContentType.JSON).body(concern.toString()).when().post("/api/v1/concerns").then().statusCode(202)
                .body("serviceNotice", org.hamcrest.Matchers.not(containsString("postnummer")));
    }
}
