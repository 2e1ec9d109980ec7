package dk.skp.model.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The one description of a sealed queue payload. Intake seals a message to staff's public key before it is queued
 * ({@link Sealer}); only staff, holding the private keyset, opens it ({@link Opener}). The queue row then holds:
 *
 * <pre>{"sealed": "skp-hpke-v1", "ciphertext": "&lt;base64&gt;"}</pre>
 *
 * <ul>
 * <li>{@code sealed} is the envelope marker and names the format. A message without it is plaintext JSON queued by an
 * intake from before sealing (it carries {@code schemaVersion} at the top level instead) and is still read.</li>
 * <li>{@code ciphertext} is Google Tink's HybridEncrypt output for HPKE
 * {@code DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM} (RFC 9180, base mode): a 5-byte prefix with the id of the
 * key it was sealed to (so a keyset with several keys opens it with the right one), the encapsulated key, then the
 * AES-256-GCM ciphertext of the message's JSON.</li>
 * <li>The context info binds the ciphertext to its topic and message id ({@link #contextInfo}): copied into another
 * row or topic, it does not open.</li>
 * </ul>
 * HPKE in base mode keeps the content secret from everyone without staff's private key (the intake role, a database
 * dump, a backup, an admin looking at dead messages); it does not say who sealed it, which is the queue's database
 * role's business.
 */
public final class SealedPayload {

    /** The envelope marker's field, and the value naming this format. */
    public static final String MARKER = "sealed";
    public static final String FORMAT = "skp-hpke-v1";
    static final String CIPHERTEXT = "ciphertext";
    /** Tink's output prefix: one version byte, then the key id as 4 bytes, big-endian. */
    private static final int TINK_PREFIX_LENGTH = 5;
    private static final byte TINK_PREFIX_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedPayload() {
    }

    static byte[] contextInfo(String topic, UUID messageId) {
        return ("skp-queue/" + FORMAT + "/" + topic + "/" + messageId).getBytes(StandardCharsets.UTF_8);
    }

    static String envelope(byte[] ciphertext) {
        ObjectNode node = JSON.createObjectNode();
        node.put(MARKER, FORMAT);
        node.put(CIPHERTEXT, Base64.getEncoder().encodeToString(ciphertext));
        return node.toString();
    }

    /**
     * The ciphertext of a sealed payload, or empty for a plaintext one (no marker).
     *
     * @throws UnopenableException when it carries the marker but is not this format
     */
    static Optional<byte[]> ciphertext(String payload) {
        JsonNode tree;
        try {
            tree = JSON.readTree(payload);
        } catch (Exception notJson) {
            return Optional.empty(); // not ours to judge: the message codec says what is wrong with it
        }
        if (tree == null || !tree.isObject() || !tree.has(MARKER)) {
            return Optional.empty();
        }
        if (!FORMAT.equals(tree.get(MARKER).asText())) {
            throw new UnopenableException("sealed in an unknown format " + quote(tree.get(MARKER).asText())
                    + "; this consumer opens " + FORMAT);
        }
        JsonNode ciphertext = tree.get(CIPHERTEXT);
        if (ciphertext == null || !ciphertext.isTextual()) {
            throw new UnopenableException("sealed payload without a ciphertext");
        }
        try {
            return Optional.of(Base64.getDecoder().decode(ciphertext.asText()));
        } catch (IllegalArgumentException e) {
            throw new UnopenableException("sealed payload whose ciphertext is not base64");
        }
    }

    /** Whether a queue payload is sealed (carries the envelope marker). */
    public static boolean isSealed(String payload) {
        try {
            JsonNode tree = JSON.readTree(payload);
            return tree != null && tree.isObject() && tree.has(MARKER);
        } catch (Exception notJson) {
            return false;
        }
    }

    /** The id of the key a ciphertext was sealed to, from Tink's prefix; empty when it has none. */
    static Optional<Integer> keyId(byte[] ciphertext) {
        if (ciphertext.length < TINK_PREFIX_LENGTH || ciphertext[0] != TINK_PREFIX_VERSION) {
            return Optional.empty();
        }
        return Optional.of(((ciphertext[1] & 0xff) << 24) | ((ciphertext[2] & 0xff) << 16)
                | ((ciphertext[3] & 0xff) << 8) | (ciphertext[4] & 0xff));
    }

    /** Unknown text from the row, shown only if it is a short plain word: it could be anything. */
    private static String quote(String text) {
        return text.matches("[A-Za-z0-9._-]{1,40}") ? "\"" + text + "\"" : "(not shown)";
    }

    /**
     * A sealed payload that cannot be opened. The message is written here and names only formats and key ids,
     * never content, so it may go to the queue's error column and the log.
     */
    public static class UnopenableException extends RuntimeException {
        public UnopenableException(String message) {
            super(message);
        }
    }
}
