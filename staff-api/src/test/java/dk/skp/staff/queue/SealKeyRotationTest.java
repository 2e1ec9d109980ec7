package dk.skp.staff.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.crypto.tink.KeysetHandle;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.SealKeys;
import dk.skp.model.queue.Sealer;
import dk.skp.staff.Await;
import dk.skp.staff.StaffDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key rotation as README, "Running it in production", describes it, from staff's side: staff runs with a keyset
 * whose primary is new and which still holds the previous key (here the development key that intake's test profile
 * seals to). Messages sealed to either key are registered: those queued before intake got the new public keyset, dead
 * ones replayed later, and the new ones.
 */
@QuarkusTest
@TestProfile(SealKeyRotationTest.Rotated.class)
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class SealKeyRotationTest {

    /** bin/seal-keys rotate on the development keyset, committed so that every run has the same keys. */
    static final String ROTATED = "/seal/test-only-rotated-private-keyset.json";

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.seal.private-keyset", read(ROTATED));
        }
    }

    @Test
    void aMessageSealedToThePreviousKeyAndOneSealedToTheNewPrimaryAreBothRegistered() throws Exception {
        KeysetHandle rotated = SealKeys.privateKeyset("rotated", read(ROTATED));
        Sealer newPrimary = new Sealer(rotated.getPublicKeysetHandle());
        Sealer previous = StaffDatabase.INTAKE_SEALER;
        assertEquals(2, rotated.size());
        assertNotEquals(previous.primaryKeyId(), newPrimary.primaryKeyId(), "the staff under test has a new primary key");

        ConcernSubmitted old = SealedQueueTest.withDescription("sealed to the previous key");
        StaffDatabase.enqueueRawAsIntake(old.messageId(),
                previous.seal(ConcernSubmitted.TOPIC, old.messageId(), MessageCodec.encode(old)));
        ConcernSubmitted fresh = SealedQueueTest.withDescription("sealed to the new primary key");
        StaffDatabase.enqueueRawAsIntake(fresh.messageId(),
                newPrimary.seal(ConcernSubmitted.TOPIC, fresh.messageId(), MessageCodec.encode(fresh)));

        Await.until(() -> StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id IN ('"
                + old.messageId() + "', '" + fresh.messageId() + "')") == 2);
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message"), "nothing failed, nothing is dead");
    }

    static String read(String resource) {
        try (InputStream in = SealKeyRotationTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
