package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.intake.IntakeDatabase;
import dk.skp.model.browser.BrowserScript;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The form in a real browser: runs src/test/browser/form.test.mjs (Playwright driving Debian's headless Chromium, with
 * axe-core) against this test's running service. Needs Node.js with npm and /usr/bin/chromium (or CHROMIUM_PATH);
 * bin/test installs both. Screenshots land in target/browser-screenshots.
 */
@QuarkusTest
@TestProfile(WebFormBrowserTest.Guldborgsund.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class WebFormBrowserTest {

    /** A municipality whose profile has a phone and hours (Odense's has none; OdenseProfileTest covers that). */
    public static class Guldborgsund implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.municipality.profile", "guldborgsund");
        }
    }

    private static final Path SCRIPTS = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theFormWorksAndIsAccessibleInHeadlessChromiumWithAndWithoutJavaScript() throws Exception {
        given().when().get("/api/v1/catalog").then().body("municipality.phone", equalTo("54 73 28 02"));
        BrowserScript script = new BrowserScript(SCRIPTS).requireChromium().installed();
        // A concern whose team has a question for its anonymous reporter, who kept the passcode (staff's role asks).
        io.restassured.response.Response receipt = io.restassured.RestAssured.given().contentType("application/json")
                .body(dk.skp.intake.Examples.read(dk.skp.intake.Examples.ANONYMOUS_NEIGHBOUR)
                        .replace("\"wantsStatusUpdates\": false", "\"wantsStatusUpdates\": true"))
                .when().post("/api/v1/concerns").then().statusCode(202).extract().response();
        String reference = receipt.path("reference");
        assertEquals(1, IntakeDatabase.asStaff("INSERT INTO exchange.reporter_question (id, reference, question, asked_at) "
                + "VALUES (gen_random_uuid(), '" + reference + "', 'Hvornår er han typisk på stedet?', now())"));
        long before = IntakeDatabase.queued();
        long started = System.nanoTime();

        int exit = script.run(List.of("node", "form.test.mjs", base.toString(), SCREENSHOTS.toAbsolutePath().toString(),
                reference + ":" + receipt.path("passcode")), 300);

        System.out.printf("[browser] node form.test.mjs took %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertEquals(0, exit, "form.test.mjs failed; its output is above");
        assertEquals(before + 2, IntakeDatabase.queued(), "one concern sent with JavaScript, one without");
        assertTrue(Files.exists(SCREENSHOTS.resolve("2-receipt-da.png")));
        assertEquals(1, IntakeDatabase.answers(reference), "the status page sent one answer");
    }
}
