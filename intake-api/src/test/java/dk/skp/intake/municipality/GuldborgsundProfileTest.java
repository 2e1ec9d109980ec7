package dk.skp.intake.municipality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.intake.mail.MailComposer;
import dk.skp.intake.mail.SubmissionMails;
import dk.skp.model.mail.OutboxMail;
import dk.skp.intake.protection.SpamGuard;
import dk.skp.intake.web.FormPosts;
import dk.skp.model.municipality.MunicipalityProfiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deployment for Guldborgsund whose profile refuses postcodes outside the municipality: its own profile file (the
 * built-in one, copied and edited as a municipality would), shown on the form, the receipt, the catalog and in the
 * answers.
 */
@QuarkusTest
@TestProfile(GuldborgsundProfileTest.StrictGuldborgsund.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class GuldborgsundProfileTest {

    static final String CHILD_WELFARE_PAGE = "https://www.guldborgsund.example/underretning";

    /** Guldborgsund's profile as a municipality would adapt it: refuse other postcodes, name its child-welfare page. */
    public static class StrictGuldborgsund implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (InputStream in = MunicipalityProfiles.class.getResourceAsStream("guldborgsund.properties")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("outside-area=warn", "outside-area=refuse")
                        .replace("child-welfare.url=", "child-welfare.url=" + CHILD_WELFARE_PAGE);
                Path file = Files.createTempFile("guldborgsund-strict", ".properties");
                file.toFile().deleteOnExit();
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return Map.of("skp.municipality.profile", file.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SpamGuard guard;

    @Inject
    MailComposer composer;

    @Test
    void theFormShowsTheTeamItsPhoneAndHoursWhomItIsForAndWhatIsKept() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<a href=\"tel:+4554732802\" id=\"team-phone\">54 73 28 02</a>"), html);
        assertTrue(html.contains("<span id=\"team-hours\">Telefontid mellem kl. 8.00 og 16.00</span>"));
        assertTrue(html.contains("Ring til teamet på <a href=\"tel:+4554732802\">54 73 28 02</a> (Telefontid mellem kl. 8.00 og 16.00)"),
                "near the top, for someone who would rather call");
        assertTrue(html.contains("<strong>SKP § 99 team (Støttekontaktpersoner)</strong><br>Center for Socialområdet, Guldborgsund Kommune"));
        assertTrue(html.contains("<a href=\"mailto:skpp99@guldborgsund.dk\" id=\"team-email\">skpp99@guldborgsund.dk</a>"));
        assertTrue(html.contains("id=\"masthead-municipality\">Guldborgsund Kommune<"));
        assertTrue(html.contains("Er nogen i akut fare, så ring 112. Ellers kan du sende din bekymring her"), "outside the hours");
        assertTrue(html.contains("falder uden for samfundets øvrige tilbud"), "the target group in the municipality's words");
        assertTrue(html.contains("Teamet fører ingen journal") && html.contains("90 dage senere"), "what is kept and for how long");

        String english = given().when().get("/?lang=en").then().statusCode(200).extract().asString();
        assertTrue(english.contains("Phone hours between 8.00 and 16.00"));
        assertTrue(english.contains("SKP § 99 team (support and contact persons)"));
        assertTrue(english.contains("the team keeps no case journal") && english.contains("90 days later"));
    }

    @Test
    void theCatalogCarriesTheProfile() {
        given().when().get("/api/v1/catalog").then().statusCode(200)
                .body("municipality.municipality.da", equalTo("Guldborgsund Kommune"))
                .body("municipality.team.da", equalTo("SKP § 99 team (Støttekontaktpersoner)"))
                .body("municipality.phone", equalTo("54 73 28 02"))
                .body("municipality.email", equalTo("skpp99@guldborgsund.dk"))
                .body("municipality.hours.en", equalTo("Phone hours between 8.00 and 16.00"))
                .body("municipality.postcodes", hasItem("4800"))
                .body("municipality.postcodes", not(hasItem("5000")))
                .body("municipality.outsideArea", equalTo("REFUSE"))
                .body("municipality.eraseAfter", equalTo("P90D"))
                .body("municipality.retentionNotice.en", containsString("90 days"))
                .body("municipality.childWelfare.url", equalTo(CHILD_WELFARE_PAGE))
                .body("childWelfareRoute", equalTo(CHILD_WELFARE_PAGE))
                .body("childWelfareNotice.en", containsString("Children's Act (Barnets lov): " + CHILD_WELFARE_PAGE));
    }

    @Test
    void aPostcodeOutsideTheMunicipalityIsRefusedInDanishAndEnglishAndNothingIsQueued() throws Exception {
        long before = IntakeDatabase.queued();
        given().contentType(ContentType.JSON).body(neighbourAt("5000")).when().post("/api/v1/concerns")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:skp:problem:outside-area"))
                .body("title", equalTo("Postnummeret ligger uden for vores område"))
                .body("detail", containsString("personer, der opholder sig i Guldborgsund Kommune"))
                .body("detail", containsString("borger.dk"))
                .body("errors.find { it.field == 'whereabouts.postcode' }.message", containsString("ligger ikke i Guldborgsund Kommune"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(neighbourAt("5000")).when().post("/api/v1/concerns")
                .then().statusCode(422)
                .body("title", equalTo("This postcode is outside our area"))
                .body("detail", containsString("people found in Guldborgsund Municipality"))
                .body("detail", not(containsString("5000")));
        assertEquals(before, IntakeDatabase.queued(), "nothing queued");

        given().contentType(ContentType.JSON).body(neighbourAt("4800")).when().post("/api/v1/concerns").then().statusCode(202);
        ObjectNode placeOnly = (ObjectNode) JSON.readTree(neighbourAt(null));
        ((ObjectNode) placeOnly.get("whereabouts")).remove("address");
        ((ObjectNode) placeOnly.get("whereabouts")).put("placeDescription", "Bænken ved stationen");
        given().contentType(ContentType.JSON).body(placeOnly.toString()).when().post("/api/v1/concerns")
                .then().statusCode(202).body("serviceNotice", not(containsString("postnummer")));
        assertEquals(before + 2, IntakeDatabase.queued(), "inside the area, and a place without a postcode");
    }

    @Test
    void theWebFormRefusesAnOutsidePostcodeAtTheFieldAndKeepsWhatWasWritten() {
        long before = IntakeDatabase.queued();
        String html = FormPosts.neighbour().set("formToken", guard.formToken(Instant.now().minusSeconds(10))).request()
                .when().post("/form").then().statusCode(422).contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("Postnummeret ligger uden for vores område"), "the banner");
        assertTrue(html.contains("id=\"whereabouts-postcode-error\""), "the field's error");
        assertTrue(html.contains("ligger ikke i Guldborgsund Kommune"));
        assertTrue(html.contains("value=\"Vestergade 12, 2. th.\""), "what the reporter wrote is still there");
        assertTrue(html.contains("id=\"team-phone\""), "and how to reach the team");
        assertEquals(before, IntakeDatabase.queued());
    }

    @Test
    void theReceiptNamesTheTeamAndWhatIsKept() {
        String html = FormPosts.neighbour().set("whereabouts.postcode", "4800")
                .set("formToken", guard.formToken(Instant.now().minusSeconds(10))).request()
                .when().post("/form").then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"reference\""));
        assertTrue(html.contains("<p class=\"privacy\" id=\"retention\">Hvad gemmer vi, og hvor længe: Teamet fører ingen journal."), html);
        assertTrue(html.contains("Du kan ikke få henvendelsen at se igen"), "the reporter cannot get it back");
        assertTrue(html.contains("54 73 28 02") && html.contains("SKP § 99 team (Støttekontaktpersoner)"));
    }

    @Test
    void theReceiptMailSignsWithTheTeamItsPhoneHoursAndEmail() {
        String danish = composer.compose(new OutboxMail(0L, "RECEIPT", "SKP-7K4M-2QXD", "someone@example.org",
                SubmissionMails.content("da", false), 0))
                .getText();
        assertTrue(danish.contains("Tak for din henvendelse til SKP § 99 team (Støttekontaktpersoner), Guldborgsund Kommune."), danish);
        assertTrue(danish.contains("Med venlig hilsen\nSKP § 99 team (Støttekontaktpersoner)\nCenter for Socialområdet, Guldborgsund Kommune\n"
                + "Telefon 54 73 28 02 (Telefontid mellem kl. 8.00 og 16.00)\nskpp99@guldborgsund.dk\n"), danish);
        assertTrue(danish.contains("Teamet fører ingen journal") && danish.contains("90 dage senere"), danish);
        String english = composer.compose(new OutboxMail(0L, "RECEIPT", "SKP-7K4M-2QXD", "someone@example.org",
                SubmissionMails.content("en", false), 0))
                .getText();
        assertTrue(english.contains("Phone 54 73 28 02 (Phone hours between 8.00 and 16.00)"), english);
    }

    @Test
    void aChildWelfareRefusalPointsToTheMunicipalitysPage() throws Exception {
        ObjectNode child = (ObjectNode) JSON.readTree(neighbourAt("4800"));
        ((ObjectNode) child.get("person")).put("ageBand", "UNDER_18");
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(child.toString()).when().post("/api/v1/concerns")
                .then().statusCode(422).body("type", equalTo("urn:skp:problem:child-welfare"))
                .body("detail", containsString("under the Children's Act (Barnets lov): " + CHILD_WELFARE_PAGE + ". If the child"));

        String html = FormPosts.neighbour().set("person.ageBand", "UNDER_18").request().when().post("/form")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"child-welfare-route\""), html);
        assertTrue(html.contains("<a href=\"" + CHILD_WELFARE_PAGE + "\">"));
    }

    private static String neighbourAt(String postcode) throws IOException {
        ObjectNode concern = (ObjectNode) JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
        ((ObjectNode) concern.get("whereabouts")).put("postcode", postcode);
        return concern.toString();
    }
}
