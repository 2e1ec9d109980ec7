package dk.skp.staff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.browser.BrowserScript;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff client as the team uses it: src/test/browser/staff-client.test.mjs signs in through Keycloak's own login
 * page as each demo user (Playwright in Debian's headless Chromium) against the packaged services, and walks a concern
 * from intake to closing, checking every screen with axe-core. Screenshots land in target/browser-screenshots.
 */
class StaffClientBrowserIT {

    private static final Path SCRIPTS = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
    private static PackagedSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = PackagedSystem.start("browser", Map.of("SKP_INTAKE_PROTECTION_API_PROOF_OF_WORK", "false"));
        // The demo contact persons, as bin/run registers them: their records carry the subjects Keycloak gives them.
        String admin = system.keycloak().token("ada");
        for (String person : List.of(
                "{\"subject\": \"" + KeycloakServer.ANNA_ID + "\", \"name\": \"Anna Holm\", \"email\": \"anna.holm@skp.example\", \"districts\": [\"Odense C\"], \"capacity\": 8}",
                "{\"subject\": \"" + KeycloakServer.BO_ID + "\", \"name\": \"Bo Madsen\", \"email\": \"bo.madsen@skp.example\", \"districts\": [\"Odense SØ\"], \"capacity\": 6}")) {
            given().port(system.staffPort).auth().oauth2(admin).contentType(ContentType.JSON).body(person)
                    .when().post("/api/v1/admin/contact-persons").then().statusCode(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void eachDemoUserSignsInThroughKeycloakAndDoesTheirPartInHeadlessChromium() throws Exception {
        BrowserScript script = new BrowserScript(SCRIPTS).requireChromium().installed();
        long started = System.nanoTime();

        int exit = script.run(List.of("node", "staff-client.test.mjs", system.staffUrl(), system.intakeUrl(),
                SCREENSHOTS.toAbsolutePath().toString()), 600);

        System.out.printf("[browser] node staff-client.test.mjs took %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertEquals(0, exit, "staff-client.test.mjs failed; its output is above, the services' logs are in "
                + system.logs().toAbsolutePath());
        // What the clicks did, as the database holds it: one concern walked to CLOSED, read by Anna, never by Bo.
        try (var admin = system.database().admin(); var sql = admin.createStatement(); var row = sql.executeQuery("""
                SELECT count(*) FILTER (WHERE c.status = 'CLOSED'),
                       (SELECT count(*) FROM staff.audit_event a WHERE a.actor = '%s' AND a.action = 'ATTEMPT'),
                       (SELECT count(*) FROM staff.audit_event a WHERE a.actor = '%s' AND a.action IN ('READ', 'BRIEFING_READ'))
                  FROM staff.concern c""".formatted(KeycloakServer.ANNA_ID, KeycloakServer.BO_ID))) {
            row.next();
            assertTrue(row.getLong(1) >= 1, "a concern was closed through the client");
            assertEquals(1, row.getLong(2), "Anna recorded one contact attempt");
            assertEquals(0, row.getLong(3), "Bo never read the concern");
        }
        assertTrue(Files.exists(SCREENSHOTS.resolve("staff-1-inbox.png")), "screenshots in " + SCREENSHOTS.toAbsolutePath());
    }
}
