package dk.skp.staff.queue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Observations;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.SealKeys;
import dk.skp.model.queue.Sealer;
import dk.skp.model.queue.SealedPayload;
import dk.skp.staff.Await;
import dk.skp.staff.ConcernSteps;
import dk.skp.staff.Messages;
import dk.skp.staff.LogCapture;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sealed queue messages with the real listener: staff opens what intake sealed to its key, still reads what an intake
 * from before sealing queued in plaintext, and parks what does not open as dead - still sealed, its error and the log
 * free of the report.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class SealedQueueTest {

    private static final String ADMIN = Tokens.of("admin", "admin-1");
    private LogCapture capture;
    private List<String> log;

    @BeforeEach
    void captureTheLog() {
        capture = LogCapture.of("dk.skp");
        log = capture.lines();
    }

    @AfterEach
    void stopCapturing() {
        capture.stop();
    }

    @Test
    void aConcernSealedAsIntakeSealsItIsRegistered() {
        String marker = marker();
        ConcernSubmitted message = withDescription(marker);
        StaffDatabase.enqueueAsIntake(message);

        Await.until(() -> registered(message.messageId(), marker));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + message.messageId() + "'"));
    }

    @Test
    void aPlaintextMessageQueuedBeforeTheUpgradeIsStillRegistered() {
        String marker = marker();
        ConcernSubmitted message = withDescription(marker);
        StaffDatabase.enqueueRawAsIntake(message.messageId(), MessageCodec.encode(message));

        Await.until(() -> registered(message.messageId(), marker));
        assertTrue(log.stream().anyMatch(l -> l.contains(message.messageId() + " on concern-submitted is not sealed")), "" + log);
    }

    @Test
    void aMessageSealedToAKeyStaffDoesNotHoldIsParkedDeadStillSealedAndNothingOfItIsLoggedOrShown() throws Exception {
        String marker = marker();
        ConcernSubmitted message = withDescription(marker);
        Sealer stranger = new Sealer(SealKeys.generate().getPublicKeysetHandle());
        String sealed = stranger.seal(ConcernSubmitted.TOPIC, message.messageId(), MessageCodec.encode(message));
        StaffDatabase.enqueueRawAsIntake(message.messageId(), sealed);

        awaitDead(message.messageId(), "%sealed to key " + Integer.toUnsignedString(stranger.primaryKeyId())
                + ", which this service's private keyset (SKP_SEAL_PRIVATE_KEYSET) does not hold%");
        assertStillSealedAndNothingLeaked(message, marker);
    }

    @Test
    void anAlteredCiphertextIsParkedDeadNotRegistered() throws Exception {
        String marker = marker();
        ConcernSubmitted message = withDescription(marker);
        String sealed = StaffDatabase.sealedAsIntake(ConcernSubmitted.TOPIC, message.messageId(), MessageCodec.encode(message));
        String b64 = sealed.replaceAll(".*\"ciphertext\":\"([^\"]+)\".*", "$1");
        byte[] bytes = Base64.getDecoder().decode(b64);
        bytes[bytes.length / 2] ^= 0x40;
        StaffDatabase.enqueueRawAsIntake(message.messageId(), sealed.replace(b64, Base64.getEncoder().encodeToString(bytes)));

        awaitDead(message.messageId(), "%sealed payload does not open: altered, or sealed for another message or topic%");
        assertStillSealedAndNothingLeaked(message, marker);
    }

    @Test
    void aSealedPayloadCopiedUnderAnotherMessageIdDoesNotOpen() throws Exception {
        String marker = marker();
        ConcernSubmitted message = withDescription(marker);
        String sealed = StaffDatabase.sealedAsIntake(ConcernSubmitted.TOPIC, UUID.randomUUID(), MessageCodec.encode(message));
        StaffDatabase.enqueueRawAsIntake(message.messageId(), sealed);

        awaitDead(message.messageId(), "%sealed payload does not open%");
        assertFalse(registered(message.messageId(), marker));
        ConcernSteps.sql("DELETE FROM queue.message WHERE id = '" + message.messageId() + "'");
    }

    /**
     * Parked with its ciphertext as intake queued it, so a replay after the right key is back can still register it;
     * the error column, the log and the admin's dead-message list hold nothing of the report.
     */
    private void assertStillSealedAndNothingLeaked(ConcernSubmitted message, String marker) throws Exception {
        assertFalse(registered(message.messageId(), marker));
        try (Connection staff = StaffDatabase.database().asStaff(); PreparedStatement select = staff.prepareStatement(
                "SELECT payload::text, last_error FROM queue.message WHERE id = ?")) {
            select.setObject(1, message.messageId());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertTrue(SealedPayload.isSealed(row.getString(1)), "a dead message stays sealed");
                assertFalse(row.getString(1).contains(marker));
                assertFalse(row.getString(2).contains(marker), row.getString(2));
            }
        }
        assertFalse(log.isEmpty(), "the failures were logged");
        for (String line : log) {
            for (String personal : new String[] { marker, message.reference(), "Jens", "ciphertext" }) {
                assertFalse(line.contains(personal), "the log holds " + personal + ": " + line);
            }
        }
        String list = given().auth().oauth2(ADMIN).when().get("/api/v1/admin/dead-messages")
                .then().statusCode(200).extract().asString();
        assertTrue(list.contains(message.messageId().toString()), list);
        for (String content : new String[] { marker, message.reference(), "ciphertext", "sealed\"", "Jens", "telt" }) {
            assertFalse(list.contains(content), "the admin's list shows no content: " + content);
        }
        // Out of the way of tests that count dead messages.
        ConcernSteps.sql("DELETE FROM queue.message WHERE id = '" + message.messageId() + "'");
    }

    private static void awaitDead(UUID id, String errorLike) {
        Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id
                + "' AND dead_at IS NOT NULL AND attempts = 3 AND last_error LIKE '" + errorLike.replace("'", "''") + "'") == 1);
    }

    private static boolean registered(UUID messageId, String marker) {
        return StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '" + messageId
                + "' AND report #>> '{observations,description}' LIKE '%" + marker + "%'") == 1;
    }

    private static String marker() {
        return "Markør-" + UUID.randomUUID();
    }

    static ConcernSubmitted withDescription(String text) {
        ConcernSubmitted fresh = Messages.fresh(Instant.now());
        ConcernReport c = fresh.concern();
        Observations o = c.observations();
        ConcernReport concern = new ConcernReport(c.reporter(), c.person(), c.whereabouts(),
                new Observations(o.indicators(), "Han sover i et telt. " + text, o.safetyNotes()), c.urgency(),
                c.acuteDanger(), c.language());
        return ConcernSubmitted.v1(fresh.messageId(), fresh.reference(), fresh.receivedAt(), fresh.channel(), null, concern);
    }
}
