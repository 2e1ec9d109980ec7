package dk.skp.model.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SealedPayloadTest {

    private static final String TOPIC = "concern-submitted";
    private static final String REPORT = "{\"schemaVersion\":1,\"text\":\"Jens Hansen sover under broen\"}";

    @Test
    void aSealedPayloadHoldsNothingOfTheReportAndOpensToIt() throws Exception {
        KeysetHandle keys = SealKeys.generate();
        UUID id = UUID.randomUUID();
        String sealed = sealer(keys).seal(TOPIC, id, REPORT);

        assertFalse(sealed.contains("Jens"), sealed);
        assertFalse(sealed.contains("schemaVersion"), sealed);
        assertTrue(SealedPayload.isSealed(sealed));
        assertEquals(REPORT, opener(keys).open(message(id, TOPIC, sealed)));
    }

    @Test
    void aMessageSealedToThePreviousKeyOpensAfterARotation() throws Exception {
        KeysetHandle before = SealKeys.generate();
        KeysetHandle after = SealKeys.rotate(before);
        assertEquals(2, after.size());
        assertTrue(after.getPrimary().getId() != before.getPrimary().getId(), "the new key is the primary");

        UUID old = UUID.randomUUID();
        String sealedBefore = sealer(before).seal(TOPIC, old, REPORT);
        UUID fresh = UUID.randomUUID();
        String sealedAfter = sealer(after).seal(TOPIC, fresh, REPORT);

        assertEquals(REPORT, opener(after).open(message(old, TOPIC, sealedBefore)));
        assertEquals(REPORT, opener(after).open(message(fresh, TOPIC, sealedAfter)));
        var notYet = assertThrows(SealedPayload.UnopenableException.class,
                () -> opener(before).open(message(fresh, TOPIC, sealedAfter)),
                "a staff that has not got the new key yet cannot open what is sealed to it");
        assertTrue(notYet.getMessage().contains("sealed to key " + Integer.toUnsignedString(after.getPrimary().getId())),
                notYet.getMessage());

        KeysetHandle retired = SealKeys.retire(after, before.getPrimary().getId());
        assertEquals(1, retired.size());
        assertEquals(REPORT, opener(retired).open(message(fresh, TOPIC, sealedAfter)));
        assertThrows(SealedPayload.UnopenableException.class, () -> opener(retired).open(message(old, TOPIC, sealedBefore)),
                "retired too early, the old key's messages no longer open: hence README's step 3");
        assertThrows(IllegalArgumentException.class, () -> SealKeys.retire(after, after.getPrimary().getId()),
                "the primary cannot be retired");
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() throws Exception {
        KeysetHandle keys = SealKeys.generate();
        UUID id = UUID.randomUUID();
        String sealed = sealer(keys).seal(TOPIC, id, REPORT);
        String b64 = sealed.replaceAll(".*\"ciphertext\":\"([^\"]+)\".*", "$1");
        byte[] bytes = Base64.getDecoder().decode(b64);
        bytes[bytes.length - 20] ^= 1;
        String altered = sealed.replace(b64, Base64.getEncoder().encodeToString(bytes));

        var e = assertThrows(SealedPayload.UnopenableException.class, () -> opener(keys).open(message(id, TOPIC, altered)));
        assertEquals("sealed payload does not open: altered, or sealed for another message or topic", e.getMessage());
    }

    @Test
    void aSealedPayloadMovedToAnotherMessageOrTopicDoesNotOpen() throws Exception {
        KeysetHandle keys = SealKeys.generate();
        UUID id = UUID.randomUUID();
        String sealed = sealer(keys).seal(TOPIC, id, REPORT);

        assertThrows(SealedPayload.UnopenableException.class,
                () -> opener(keys).open(message(UUID.randomUUID(), TOPIC, sealed)));
        assertThrows(SealedPayload.UnopenableException.class,
                () -> opener(keys).open(message(id, "reporter-answered", sealed)));
    }

    @Test
    void plaintextFromBeforeSealingIsReadAsItIs() throws Exception {
        assertEquals(REPORT, opener(SealKeys.generate()).open(message(UUID.randomUUID(), TOPIC, REPORT)));
        assertFalse(SealedPayload.isSealed(REPORT));
    }

    @Test
    void anUnknownFormatIsNamedWithoutEchoingTheRow() throws Exception {
        var e = assertThrows(SealedPayload.UnopenableException.class, () -> opener(SealKeys.generate())
                .open(message(UUID.randomUUID(), TOPIC, "{\"sealed\":\"Jens Hansen\",\"ciphertext\":\"AA==\"}")));
        assertFalse(e.getMessage().contains("Jens"), e.getMessage());
    }

    @Test
    void intakeIsRefusedAPrivateKeysetAndTheErrorHoldsNoKeyMaterial() throws Exception {
        String privateJson = SealKeys.privateJson(SealKeys.generate());
        var e = assertThrows(IllegalArgumentException.class,
                () -> SealKeys.publicKeyset("SKP_SEAL_PUBLIC_KEYSET", privateJson));
        assertTrue(e.getMessage().startsWith("SKP_SEAL_PUBLIC_KEYSET is not a Tink public keyset"), e.getMessage());
        assertFalse(e.getMessage().contains("value"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> SealKeys.privateKeyset("SKP_SEAL_PRIVATE_KEYSET", " "));
        assertTrue(missing.getMessage().startsWith("SKP_SEAL_PRIVATE_KEYSET is not set"), missing.getMessage());
    }

    @Test
    void theCommittedDevelopmentKeysetIsRecognisedAsSuchInAnyForm() throws Exception {
        KeysetHandle development = SealKeys.privateKeyset("SKP_SEAL_PRIVATE_KEYSET", SealKeys.DEVELOPMENT);
        assertTrue(SealKeys.isDevelopment(SealKeys.DEVELOPMENT));
        assertTrue(SealKeys.isDevelopment(SealKeys.privateJson(development)));
        assertTrue(SealKeys.isDevelopment(SealKeys.publicJson(development)));
        assertTrue(SealKeys.isDevelopment(SealKeys.privateJson(SealKeys.rotate(development))),
                "a keyset that still holds the development key");
        assertFalse(SealKeys.isDevelopment(SealKeys.publicJson(SealKeys.generate())));

        UUID id = UUID.randomUUID();
        String sealed = SealKeys.sealer("SKP_SEAL_PUBLIC_KEYSET", SealKeys.DEVELOPMENT).seal(TOPIC, id, REPORT);
        assertEquals(REPORT, new Opener(development).open(message(id, TOPIC, sealed)));
    }

    private static Sealer sealer(KeysetHandle privateKeyset) throws Exception {
        return new Sealer(privateKeyset.getPublicKeysetHandle());
    }

    private static Opener opener(KeysetHandle privateKeyset) {
        return new Opener(privateKeyset);
    }

    private static QueueMessage message(UUID id, String topic, String payload) {
        return new QueueMessage(id, topic, payload, Instant.now(), 0);
    }
}
