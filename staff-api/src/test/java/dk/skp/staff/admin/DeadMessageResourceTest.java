package dk.skp.staff.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.reference.ReferenceNumber;
import dk.skp.staff.Await;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dead queue messages through HTTP, with the real queue listener running. */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class DeadMessageResourceTest {

    private static final String ADMIN = Tokens.of("admin", "admin-1");
    private static final String PATH = "/api/v1/admin/dead-messages";

    /** A message from a future intake that this staff cannot read: it fails three times and is parked. */
    private static UUID deadMessage() {
        UUID id = UUID.randomUUID();
        StaffDatabase.enqueueRawAsIntake(id, unreadable(id));
        Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id
                + "' AND dead_at IS NOT NULL AND attempts = 3") == 1);
        return id;
    }

    private static String unreadable(UUID id) {
        return readable(id).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
    }

    private static String readable(UUID id) {
        return Messages.fixtureJson().replace("0b9f3c52-6f0e-4d7e-9a51-2f1d8c6a7e10", id.toString())
                .replace("SKP-7K4M-2QXD", ReferenceNumber.next());
    }

    @Test
    void aMessageThatFailsIsListedWithWhyButWithoutItsContent() throws Exception {
        UUID id = deadMessage();
        String body = given().auth().oauth2(ADMIN)
                .when().get(PATH)
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.id", hasItem(id.toString()))
                .body("items.find { it.id == '" + id + "' }.topic", equalTo("concern-submitted"))
                .body("items.find { it.id == '" + id + "' }.attempts", equalTo(3))
                .body("items.find { it.id == '" + id + "' }.lastError", containsString("unsupported schemaVersion 2"))
                .body("items.find { it.id == '" + id + "' }.enqueuedAt", notNullValue())
                .body("items.find { it.id == '" + id + "' }.deadAt", notNullValue())
                .extract().asString();
        for (String content : new String[] { "payload", "concern\"", "Jens", "Kim", "tent", "railway", "5000", "HOMELESS",
                "politi", "SKP-" }) {
            assertTrue(!body.contains(content), "the list shows nothing of the message's content: " + content);
        }

        given().auth().oauth2(ADMIN).queryParam("topic", "concern-submitted").queryParam("limit", 1)
                .when().get(PATH)
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", greaterThanOrEqualTo(1));
        given().auth().oauth2(ADMIN).queryParam("topic", "no-such-topic")
                .when().get(PATH)
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        given().auth().oauth2(ADMIN).header("Accept-Language", "en").queryParam("limit", 0)
                .when().get(PATH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aReplayGivesTheMessageAFreshSetOfAttemptsAndIsAudited() throws Exception {
        UUID id = deadMessage();
        long firstDeath = deadAtMicros(id);

        given().auth().oauth2(ADMIN).when().post(PATH + "/" + id + "/replay").then().statusCode(204);

        // The listener is woken at once and fails it three more times. Without the reset it would die at attempt 4.
        Await.until(() -> deadAtMicros(id) > firstDeath);
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id
                + "' AND attempts = 3 AND dead_at IS NOT NULL"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'DEAD_MESSAGE_REPLAYED' "
                + "AND actor = 'admin-1' AND details->>'messageId' = '" + id + "' AND details->>'topic' = 'concern-submitted'"));
    }

    @Test
    void aReplayedMessageThatCanBeReadNowIsRegistered() throws Exception {
        UUID id = deadMessage();
        // What an upgrade of staff that understands the new version amounts to, for this one message.
        try (Connection staff = StaffDatabase.database().asStaff();
                PreparedStatement fix = staff.prepareStatement("UPDATE queue.message SET payload = ?::jsonb WHERE id = ?")) {
            fix.setString(1, readable(id));
            fix.setObject(2, id);
            assertEquals(1, fix.executeUpdate());
        }

        given().auth().oauth2(ADMIN).when().post(PATH + "/" + id + "/replay").then().statusCode(204);

        Await.until(() -> StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '" + id + "'") == 1);
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id + "'"));
        given().auth().oauth2(ADMIN).header("Accept-Language", "en")
                .when().post(PATH + "/" + id + "/replay")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no dead message with this id."));
    }

    @Test
    void aDiscardRemovesTheMessageForGoodAndIsAudited() throws Exception {
        UUID id = deadMessage();

        given().auth().oauth2(ADMIN).when().delete(PATH + "/" + id).then().statusCode(204);

        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id + "'"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'DEAD_MESSAGE_DISCARDED' "
                + "AND actor = 'admin-1' AND concern_id IS NULL AND details->>'messageId' = '" + id + "'"));
        given().auth().oauth2(ADMIN).when().get(PATH).then().statusCode(200).body("items.id", not(hasItem(id.toString())));
        given().auth().oauth2(ADMIN).header("Accept-Language", "da")
                .when().delete(PATH + "/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Der er ingen død besked med dette id."));
    }

    @Test
    void aPendingMessageCanBeNeitherReplayedNorDiscarded() {
        UUID id = UUID.randomUUID();
        try (Connection staff = StaffDatabase.database().asStaff();
                PreparedStatement insert = staff.prepareStatement("INSERT INTO queue.message (id, topic, payload, available_at) "
                        + "VALUES (?, 'some-other-topic', '{}', now() + interval '1 hour')")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        given().auth().oauth2(ADMIN).when().post(PATH + "/" + id + "/replay").then().statusCode(404);
        given().auth().oauth2(ADMIN).when().delete(PATH + "/" + id).then().statusCode(404);
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id + "'"));
        given().auth().oauth2(ADMIN).when().delete(PATH + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void onlyAdminsSeeOrTouchDeadMessages() throws Exception {
        UUID id = deadMessage();
        for (String token : new String[] { Tokens.coordinator(), Tokens.of("contact-person", "cp-1") }) {
            given().auth().oauth2(token).when().get(PATH).then().statusCode(403);
            given().auth().oauth2(token).when().post(PATH + "/" + id + "/replay").then().statusCode(403);
            given().auth().oauth2(token).when().delete(PATH + "/" + id).then().statusCode(403);
        }
        given().when().get(PATH).then().statusCode(401);
        given().when().delete(PATH + "/" + id).then().statusCode(401);
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id
                + "' AND dead_at IS NOT NULL AND attempts = 3"), "untouched");
    }

    /** When the message was parked, in microseconds since the epoch; 0 while it is not dead. */
    private static long deadAtMicros(UUID id) {
        return StaffDatabase.count("SELECT coalesce(floor(extract(epoch FROM dead_at) * 1000000)::bigint, 0) "
                + "FROM queue.message WHERE id = '" + id + "'");
    }

}
