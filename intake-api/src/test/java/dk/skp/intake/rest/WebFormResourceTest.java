package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.skp.intake.IntakeDatabase;
import dk.skp.intake.protection.SpamGuard;
import dk.skp.intake.web.FormPosts;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Indicator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.altcha.altcha.Altcha;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The web form without a browser: what a browser without JavaScript posts, and what it gets back. */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class WebFormResourceTest {
    /** On the management interface, not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @Inject
    SpamGuard guard;

    @ConfigProperty(name = "skp.intake.protection.challenge-key")
    String challengeKey;

    /** A form token as if the form had been shown ten seconds ago: a person had time to fill it in. */
    private String formToken() {
        return guard.formToken(Instant.now().minusSeconds(10));
    }

    @Test
    void theFormIsDanishFirstWithChoicesFromTheVocabulariesAndStrictSecurityHeaders() {
        String html = given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Language", "da")
                .header("Cache-Control", containsString("no-store"))
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"), containsString("script-src 'self'"),
                        containsString("style-src 'self'"), containsString("frame-ancestors 'self'"),
                        containsString("form-action 'self'"), not(containsString("unsafe-inline")), not(containsString("unsafe-eval"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("X-Frame-Options", "SAMEORIGIN")
                .extract().asString();
        assertTrue(html.contains("<html lang=\"da\">"));
        assertTrue(html.contains("Ring 112 nu"), "acute danger notice at the top");
        assertTrue(html.contains("method=\"post\" action=\"form\""));
        assertTrue(html.contains(">Nabo</option>") && html.contains(">Boligforening</option>"), "roles from ReporterRole");
        assertTrue(html.contains(">Under 18 år</label>") && html.contains(">67 år eller ældre</label>"), "age bands from AgeBand");
        assertTrue(html.contains(">Misligeholdt bolig</label>"), "indicators from Indicator");
        assertTrue(html.contains("value=\"18_29\""), "choices carry the JSON API's codes");
        assertTrue(html.contains("href=\"./?lang=en\" lang=\"en\""), "a switch to English");
        assertTrue(TOKEN.matcher(html).find(), "a form token for browsers without JavaScript");
        assertTrue(html.contains("<input type=\"text\" id=\"website\" name=\"website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">"),
                "the honeypot is out of the tab order and not autofilled");
        assertTrue(html.contains("<div class=\"hp\" aria-hidden=\"true\">"));
        assertTrue(!html.contains("<script>") && !html.contains(" style=\"") && !html.contains(" onclick="),
                "no inline script or style, which the policy would block");

        given().when().get("/assets/skp-form.js").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").contentType(containsString("javascript"));
        given().when().get("/assets/skp-form.css").then().statusCode(200).contentType(containsString("css"));
    }

    @Test
    void theEnglishSwitchShowsEnglish() {
        String html = given().when().get("/?lang=en").then().statusCode(200).header("Content-Language", "en")
                .extract().asString();
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("Call 112 now"));
        assertTrue(html.contains(">Neighbour</option>") && html.contains(">67 or older</label>"));
        assertTrue(html.contains("name=\"language\" value=\"en\""));
        assertTrue(html.contains("href=\"./?lang=da\" lang=\"da\""));
    }

    @Test
    void aValidFormWithoutJavaScriptGetsAReceiptAndTheConcernIsQueuedAsTyped() throws Exception {
        long before = IntakeDatabase.queued();
        String html = FormPosts.neighbour().set("formToken", formToken()).request()
                .when().post("/form")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", containsString("no-store"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        String reference = reference(html);
        assertTrue(html.contains("<time datetime=\"20"), "when it was received");
        assertTrue(html.contains("Gem referencen"), "the service notice, in Danish");

        assertEquals(before + 1, IntakeDatabase.queued());
        ConcernSubmitted message = MessageCodec.decode(IntakeDatabase.lastPayload());
        assertEquals(reference, message.reference());
        assertEquals(Channel.WEB_FORM, message.channel());
        assertEquals("da", message.concern().language());
        assertEquals("Vestergade 12, 2. th.", message.concern().whereabouts().address());
        assertEquals("Høj, gråt skæg, grøn militærjakke", message.concern().person().appearance());
        assertEquals("Ikke set i to uger; posten hober sig op.\nLyset er tændt om natten.",
                message.concern().observations().description(), "UTF-8 and line breaks arrive as typed");
        assertEquals(List.of(Indicator.SOCIAL_ISOLATION, Indicator.NEGLECTED_HOME), message.concern().observations().indicators());
        assertNull(message.concern().reporter().name());
    }

    @Test
    void withoutAProofOfWorkOnlyAFreshUnusedFormTokenIsAccepted() {
        long before = IntakeDatabase.queued();

        String refused = FormPosts.neighbour().request().when().post("/form")
                .then().statusCode(403).contentType(startsWith("text/html")).extract().asString();
        assertTrue(refused.contains("Henvendelsen er ikke sendt"));
        assertTrue(refused.contains("value=\"Vestergade 12, 2. th.\""), "what the reporter wrote is still there");
        assertTrue(TOKEN.matcher(refused).find(), "with a new token to send it again");

        FormPosts.neighbour().set("formToken", guard.issueFormToken()).request().when().post("/form")
                .then().statusCode(403).body(containsString("meget hurtigt"));
        FormPosts.neighbour().set("formToken", guard.formToken(Instant.now().minusSeconds(3 * 3600))).request()
                .when().post("/form").then().statusCode(403).body(containsString("udløbet"));
        String token = formToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        FormPosts.neighbour().set("formToken", forged).request().when().post("/form").then().statusCode(403);
        String otherTime = token.replaceFirst("^v1\\.\\d+\\.", "v1." + Instant.now().minusSeconds(60).getEpochSecond() + ".");
        FormPosts.neighbour().set("formToken", otherTime).request().when().post("/form").then().statusCode(403);
        assertEquals(before, IntakeDatabase.queued(), "nothing refused was queued");

        FormPosts.neighbour().set("formToken", token).request().when().post("/form").then().statusCode(200);
        FormPosts.neighbour().set("formToken", token).request().when().post("/form")
                .then().statusCode(403).body(containsString("Formularen er allerede sendt"))
                .body(containsString("du skal ikke sende den igen"));
        assertEquals(before + 1, IntakeDatabase.queued(), "a form token works once");
    }

    @Test
    void aSolvedChallengeIsAcceptedOnceAndIsInAltchasOwnFormat() throws Exception {
        Response challenge = given().when().get("/api/v1/challenge");
        challenge.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", containsString("no-store"))
                .body("algorithm", equalTo("SHA-256"))
                .body("maxnumber", equalTo(50000))
                .body("salt", matchesPattern("[0-9a-f]{24}\\?expires=\\d+&"))
                .body("challenge", matchesPattern("[0-9a-f]{64}"))
                .body("signature", matchesPattern("[0-9a-f]{64}"));
        String payload = solve(challenge.path("challenge"), challenge.path("salt"), challenge.path("signature"),
                ((Number) challenge.path("maxnumber")).longValue());
        assertTrue(Altcha.verifySolution(payload, challengeKey, true), "ALTCHA's reference implementation accepts it");

        long before = IntakeDatabase.queued();
        String html = FormPosts.neighbour().set("altcha", payload).request().when().post("/form")
                .then().statusCode(200).extract().asString();
        reference(html);
        FormPosts.neighbour().set("altcha", payload).set("formToken", formToken()).request().when().post("/form")
                .then().statusCode(403);
        assertEquals(before + 1, IntakeDatabase.queued(), "a solution works once, even with a valid form token beside it");
    }

    @Test
    void anExpiredOrForeignChallengeIsRefused() throws Exception {
        long before = IntakeDatabase.queued();
        Altcha.Challenge expired = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey(challengeKey)
                .setMaxNumber(1000L).setExpires(Instant.now().minusSeconds(60).getEpochSecond()));
        FormPosts.neighbour().set("altcha", solve(expired.challenge, expired.salt, expired.signature, 1000)).request()
                .when().post("/form").then().statusCode(403);

        Altcha.Challenge foreign = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey("someone else's key")
                .setMaxNumber(1000L).setExpiresInSeconds(600));
        FormPosts.neighbour().set("altcha", solve(foreign.challenge, foreign.salt, foreign.signature, 1000)).request()
                .when().post("/form").then().statusCode(403);

        Altcha.Challenge ours = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey(challengeKey)
                .setMaxNumber(1000L).setExpiresInSeconds(600));
        FormPosts.neighbour().set("altcha", solve(ours.challenge, ours.salt, ours.signature, 1000)).request()
                .when().post("/form").then().statusCode(200);
        assertEquals(before + 1, IntakeDatabase.queued(), "a challenge made with ALTCHA's library and our key passes");
    }

    @Test
    void aFilledHoneypotLooksAcceptedButNothingIsQueued() {
        long before = IntakeDatabase.queued();
        String html = FormPosts.neighbour().set("formToken", formToken()).set("website", "https://cheap-pills.example")
                .request().when().post("/form")
                .then().statusCode(200).extract().asString();
        reference(html);
        assertEquals(before, IntakeDatabase.queued());
        given().when().get(this.metrics).then().statusCode(200)
                .body(matchesPattern("(?s).*skp_intake_protection_refused_total\\{[^}]*reason=\"honeypot\"[^}]*\\} [1-9].*"));
    }

    @Test
    void invalidFieldsShowTheFormAgainWithEveryErrorAtTheTopAndAtItsField() {
        long before = IntakeDatabase.queued();
        String html = FormPosts.neighbour().set("formToken", formToken())
                .remove("person.ageBand")
                .set("whereabouts.postcode", "50000")
                .set("reporter.phone", "12 34 56 78")
                .set("observations.description", "<script>alert('x')</script> on the bench")
                .request().when().post("/form")
                .then().statusCode(422).contentType(startsWith("text/html"))
                .extract().asString();

        assertTrue(html.contains("<title>Fejl: "), "the title says something is wrong");
        String summary = html.substring(html.indexOf("id=\"error-summary\""), html.indexOf("</ul>", html.indexOf("id=\"error-summary\"")));
        assertTrue(summary.contains("autofocus"), "the summary takes focus without JavaScript too");
        List<String> links = Pattern.compile("<a href=\"#([^\"]+)\">([^<]+)</a>").matcher(summary).results()
                .map(m -> m.group(1) + " " + m.group(2)).toList();
        assertEquals(List.of(
                "person-ageBand-UNDER_18 Alder: skal udfyldes",
                "whereabouts-postcode Postnummer: skal være et dansk postnummer på fire cifre",
                "reporter-phone Telefon: skal udelades, når du er anonym"),
                links, "in the order of the form, each linking to its field");

        assertTrue(html.contains("<p class=\"error-message\" id=\"whereabouts-postcode-error\">"));
        assertTrue(html.contains("id=\"whereabouts-postcode\" name=\"whereabouts.postcode\" value=\"50000\" autocomplete=\"off\" "
                + "inputmode=\"numeric\" maxlength=\"4\" aria-describedby=\"whereabouts-postcode-error\" aria-invalid=\"true\">"),
                "the field is marked invalid and described by its error, and keeps its value");
        assertTrue(html.contains("<fieldset class=\"fieldset\" aria-describedby=\"person-ageBand-hint person-ageBand-error\">"));
        assertTrue(html.contains("value=\"Vestergade 12, 2. th.\""), "valid answers are kept");
        assertTrue(html.contains("value=\"SOCIAL_ISOLATION\" checked"), "choices are kept");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; on the bench</textarea>")
                || html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; on the bench</textarea>"),
                "and escaped: " + html.substring(html.indexOf("observations-description\" name"), html.indexOf("</textarea>", html.indexOf("observations-description\" name"))));
        assertEquals(before, IntakeDatabase.queued());

        String english = FormPosts.neighbour().set("language", "en").set("formToken", formToken())
                .remove("whereabouts.address").remove("urgency").set("reporter.role", "KING")
                .request().when().post("/form").then().statusCode(422).extract().asString();
        assertTrue(english.contains("<html lang=\"en\">"));
        assertTrue(english.contains(">Address: give an address or describe the place</a>"));
        assertTrue(english.contains(">How soon: is required</a>"));
        assertTrue(english.contains(">Who you are: must be one of the options</a>"));
        assertEquals(before, IntakeDatabase.queued());
    }

    @Test
    void theLongestAllowedTextFitsAndOneMoreCharacterIsAnError() {
        long before = IntakeDatabase.queued();
        FormPosts.neighbour().set("formToken", formToken()).set("observations.description", "ø".repeat(4000))
                .request().when().post("/form").then().statusCode(200);
        FormPosts.neighbour().set("formToken", formToken()).set("observations.description", "ø".repeat(4001))
                .request().when().post("/form").then().statusCode(422)
                .body(containsString(">Beskrivelse: må højst være 4000 lang</a>"));
        assertEquals(before + 1, IntakeDatabase.queued());
    }

    @Test
    void aChildIsAChildWelfareMatterAndNothingIsQueued() {
        long before = IntakeDatabase.queued();
        String html = FormPosts.neighbour().set("formToken", formToken()).set("person.ageBand", "UNDER_18")
                .request().when().post("/form").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Barnets lov") && html.contains("underretning"));
        assertTrue(html.contains("Vi har ikke sendt noget videre"));
        assertEquals(before, IntakeDatabase.queued());
    }

    @Test
    void acuteDangerIsQueuedAndTheReceiptSaysCall112Now() throws Exception {
        String html = FormPosts.neighbour().set("formToken", formToken()).set("acuteDanger", "true")
                .set("language", "en").request().when().post("/form").then().statusCode(200).extract().asString();
        assertTrue(html.contains("If the person is in acute danger, call 112 now."));
        assertTrue(MessageCodec.decode(IntakeDatabase.lastPayload()).concern().acuteDanger());
    }

    @Test
    void aReloadOfThePostAddressLeadsBackToTheForm() {
        given().redirects().follow(false).when().get("/form").then().statusCode(303)
                .header("Location", containsString("/"));
    }

    private static String reference(String html) {
        Matcher reference = Pattern.compile("id=\"reference\">(" + FormPosts.REFERENCE + ")<").matcher(html);
        assertTrue(reference.find(), "a receipt with a reference");
        return reference.group(1);
    }

    /** Solves like the form's script does and builds the payload it sends in the field altcha. */
    static String solve(String challenge, String salt, String signature, long maxNumber) throws Exception {
        Altcha.Solution solution = Altcha.solveChallenge(challenge, salt, Altcha.Algorithm.SHA256, maxNumber, 0);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("algorithm", "SHA-256");
        payload.put("challenge", challenge);
        payload.put("number", solution.number);
        payload.put("salt", salt);
        payload.put("signature", signature);
        return Base64.getEncoder().encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
    }
}
