package dk.skp.model.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasscodeHasherTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    @Test
    void aPasscodeIsKeptAsAnHmacThatOnlyTheSecretOpens() {
        PasscodeHasher hasher = new PasscodeHasher(SECRET);
        String stored = hasher.hash("7K4M-2QXD-9A");
        assertTrue(stored.matches("h1:[0-9a-f]{64}"), stored);
        assertNotEquals("h1:" + Secrets.sha256("7K4M2QXD9A"), stored, "not the bare SHA-256");
        assertEquals(stored, hasher.hash(" 7k4m2qxd9a "), "typed loosely, as people do");
        assertTrue(hasher.matches(stored, "7k4m-2qxd-9a"));
        assertFalse(hasher.matches(stored, "7K4M-2QXD-9B"));
        assertFalse(new PasscodeHasher(SECRET + "!").matches(stored, "7K4M-2QXD-9A"), "another secret opens nothing");
    }

    @Test
    void aBareSha256FromBeforeTheSecretStillVerifies() {
        PasscodeHasher hasher = new PasscodeHasher(SECRET);
        String legacy = Secrets.sha256("7K4M2QXD9A");
        assertTrue(hasher.matches(legacy, "7k4m-2qxd-9a"));
        assertFalse(hasher.matches(legacy, "7K4M-2QXD-9B"));
        assertFalse(hasher.matches(null, "7K4M-2QXD-9A"));
    }

    @Test
    void aMissingOrShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasscodeHasher(null));
        assertThrows(IllegalArgumentException.class, () -> new PasscodeHasher("too-short"));
    }
}
