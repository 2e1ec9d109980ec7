package dk.skp.model.queue;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Opens sealed queue payloads with staff's private keyset (see {@link SealedPayload}). The keyset may hold several
 * keys, the primary and earlier ones, so that messages sealed before a rotation still open: Tink picks the key by the
 * id in the ciphertext's prefix.
 */
public final class Opener {

    private static final Logger LOG = Logger.getLogger(Opener.class);

    private final HybridDecrypt decrypt;
    private final Set<Integer> keyIds = new HashSet<>();

    /** @param privateKeyset staff's private keyset */
    public Opener(KeysetHandle privateKeyset) {
        try {
            this.decrypt = privateKeyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an HPKE private keyset: " + e.getClass().getSimpleName(), e);
        }
        for (int i = 0; i < privateKeyset.size(); i++) {
            keyIds.add(privateKeyset.getAt(i).getId());
        }
    }

    /**
     * The message's JSON: opened when it is sealed, as it is when it is plaintext from an intake that did not seal
     * yet (the messages queued before the upgrade).
     *
     * @throws SealedPayload.UnopenableException when it is sealed but does not open here: sealed to a key this keyset
     *         does not hold, altered, or moved from another message or topic
     */
    public String open(QueueMessage message) {
        Optional<byte[]> sealed = SealedPayload.ciphertext(message.payload());
        if (sealed.isEmpty()) {
            // Expected only for messages queued before the upgrade; more of them later means an intake that does not seal.
            LOG.infof("message %s on %s is not sealed (queued before sealing?); read as plaintext", message.id(),
                    message.topic());
            return message.payload();
        }
        byte[] ciphertext = sealed.get();
        Optional<Integer> keyId = SealedPayload.keyId(ciphertext);
        if (keyId.isPresent() && !keyIds.contains(keyId.get())) {
            throw new SealedPayload.UnopenableException("sealed to key " + Integer.toUnsignedString(keyId.get())
                    + ", which this service's private keyset (SKP_SEAL_PRIVATE_KEYSET) does not hold");
        }
        try {
            return new String(decrypt.decrypt(ciphertext, SealedPayload.contextInfo(message.topic(), message.id())),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Tink's message says no more than this, and must not be relied on to stay so.
            throw new SealedPayload.UnopenableException("sealed payload does not open: altered, or sealed for "
                    + "another message or topic");
        }
    }

}
