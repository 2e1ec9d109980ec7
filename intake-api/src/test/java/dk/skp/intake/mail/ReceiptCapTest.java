package dk.skp.intake.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.intake.MailServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anyone can type a stranger's address into the form: receipts to one address are capped per day, so the form cannot
 * be used to flood an inbox. The concern is accepted all the same; only its receipt is skipped.
 */
@QuarkusTest
@TestProfile(ReceiptCapTest.TwoReceiptsADay.class)
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = true)
class ReceiptCapTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ADDRESS = "flooded.inbox@politi.example";

    public static class TwoReceiptsADay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.intake.limits.receipts-per-address-per-day", "2");
        }
    }

    @Test
    void aThirdConcernFromOneAddressOnADayIsAcceptedWithoutAReceipt() throws Exception {
        long queuedBefore = IntakeDatabase.queued();
        String first = submit(ADDRESS);
        String second = submit("Flooded.Inbox@POLITI.example");
        String third = submit("FLOODED.INBOX@politi.example");
        String other = submit("someone.else@politi.example");
        assertEquals(queuedBefore + 4, IntakeDatabase.queued(), "every concern is accepted");

        MailServer.awaitMail(ADDRESS, first, WAIT);
        MailServer.awaitMail("Flooded.Inbox@POLITI.example", second, WAIT);
        MailServer.awaitMail("someone.else@politi.example", other, WAIT);
        assertEquals(0, count("SELECT count(*) FROM intake.mail_outbox WHERE reference = '" + third + "'"),
                "no receipt was ever promised for the third");
        assertTrue(MailServer.received().stream().noneMatch(m -> MailServer.subject(m).contains(third)));

        // Counted under a pseudonym, never the address.
        assertEquals(0, count("SELECT count(*) FROM intake.receipt_count WHERE address_hmac ILIKE '%flooded%'"));
        assertEquals(1, count("SELECT count(*) FROM intake.receipt_count WHERE receipts = 3"));
    }

    private static String submit(String email) throws Exception {
        ObjectNode concern = (ObjectNode) JSON.readTree(Examples.read(Examples.POLICE_PARTNER));
        ((ObjectNode) concern.get("reporter")).put("email", email);
        return given().contentType(ContentType.JSON).body(concern.toString()).when().post("/api/v1/concerns").then()
                .statusCode(202).extract().path("reference");
    }

    private static long count(String sql) {
        try (Connection c = IntakeDatabase.database().asIntake(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
