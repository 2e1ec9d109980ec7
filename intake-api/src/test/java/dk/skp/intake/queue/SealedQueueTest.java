package dk.skp.intake.queue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.SealedPayload;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What intake puts on the queue is sealed to staff's public key: the row itself holds nothing of the report. */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class SealedQueueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theQueueRowHoldsNothingOfTheReportAndStaffsKeyOpensIt() throws Exception {
        String marker = "Markørtekst-" + UUID.randomUUID();
        ObjectNode concern = (ObjectNode) JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
        ((ObjectNode) concern.get("observations")).put("description", "Han sidder på bænken. " + marker);
        ((ObjectNode) concern.get("person")).put("appearance", "Grøn jakke " + marker);
        String reference = given().contentType(ContentType.JSON).body(concern.toString())
                .when().post("/api/v1/concerns")
                .then().statusCode(202).extract().path("reference");

        String raw = IntakeDatabase.lastRawPayload();
        assertTrue(SealedPayload.isSealed(raw), "the row carries the envelope marker: " + raw.substring(0, 40));
        for (String plain : new String[] { marker, reference, "Vestergade", "NEIGHBOUR", "schemaVersion" }) {
            assertFalse(raw.contains(plain), "the queue row must not hold " + plain);
        }
        assertEquals(0, IntakeDatabase.countAsStaff("SELECT count(*) FROM queue.message WHERE payload::text LIKE '%"
                + marker + "%'"), "nor may a search in the database find it");

        ConcernSubmitted opened = MessageCodec.decode(IntakeDatabase.lastPayload());
        assertEquals(reference, opened.reference());
        assertTrue(opened.concern().observations().description().endsWith(marker), "staff's private key opens it");
    }
}
