package dk.skp.model.queue;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Seals queue payloads to staff's public keyset (see {@link SealedPayload}): what intake holds. It cannot open what it
 * sealed, nor anything else on the queue.
 */
public final class Sealer {

    private final HybridEncrypt encrypt;
    private final int primaryKeyId;

    /** @param publicKeyset staff's public keyset; its primary key is the one sealed to */
    public Sealer(KeysetHandle publicKeyset) {
        try {
            this.encrypt = publicKeyset.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
            this.primaryKeyId = publicKeyset.getPrimary().getId();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an HPKE public keyset: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The sealed payload to queue under this topic and message id, and no other. */
    public String seal(String topic, UUID messageId, String payloadJson) {
        try {
            return SealedPayload.envelope(encrypt.encrypt(payloadJson.getBytes(StandardCharsets.UTF_8),
                    SealedPayload.contextInfo(topic, messageId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The id of the key messages are sealed to now (for the start-up log; an id is no secret). */
    public int primaryKeyId() {
        return primaryKeyId;
    }
}
