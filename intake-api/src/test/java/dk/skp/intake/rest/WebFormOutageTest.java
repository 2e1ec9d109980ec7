package dk.skp.intake.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.intake.IntakeDatabase;
import dk.skp.intake.protection.SpamGuard;
import dk.skp.intake.web.FormPosts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The database is gone while a reporter sends the form: a friendly 503 page that keeps every answer, never a receipt. */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class WebFormOutageTest {

    @Inject
    SpamGuard guard;

    @Test
    void whileTheDatabaseIsUnreachableTheFormSays503AndKeepsTheAnswers() throws Exception {
        long before = IntakeDatabase.queued();
        IntakeDatabase.lockOutIntake(true);
        try {
            String html = FormPosts.neighbour().set("formToken", guard.formToken(Instant.now().minusSeconds(10))).request()
                    .when().post("/form")
                    .then().statusCode(503).contentType(startsWith("text/html"))
                    .header("Retry-After", "30")
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .extract().asString();
            assertTrue(html.contains("Vi kunne ikke gemme din henvendelse lige nu"));
            assertTrue(html.contains("ring 112"));
            assertTrue(html.contains("value=\"Vestergade 12, 2. th.\"") && html.contains("Om morgenen på bænken"),
                    "the answers are still in the form");
            assertTrue(!html.contains("id=\"reference\""), "no receipt");
        } finally {
            IntakeDatabase.lockOutIntake(false);
        }
        assertEquals(before, IntakeDatabase.queued());

        FormPosts.neighbour().set("formToken", guard.formToken(Instant.now().minusSeconds(10))).request()
                .when().post("/form").then().statusCode(200);
        assertEquals(before + 1, IntakeDatabase.queued());
    }

}
