package dk.skp.intake.config;

import dk.skp.model.queue.SealKeys;
import dk.skp.model.queue.Sealer;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Staff's public keyset, to which intake seals every queue message (see {@link dk.skp.model.queue.SealedPayload}).
 * Intake holds only this public half, so nothing it has queued can be read back with what it has. Required: only the
 * profiles local, dev and test have one (the committed development keyset), and a missing or unreadable keyset stops
 * the service at start.
 */
@ConfigMapping(prefix = "skp.seal")
public interface QueueSeal {

    /** SKP_SEAL_PUBLIC_KEYSET: the public keyset bin/seal-keys prints, as JSON or the path of a file holding it. */
    String publicKeyset();

    class Producer {
        private static final Logger LOG = Logger.getLogger(QueueSeal.class);

        @Produces
        @Singleton
        @Startup // a missing or wrong keyset stops the service at start, not at the first concern
        Sealer sealer(QueueSeal config) {
            Sealer sealer = SealKeys.sealer("SKP_SEAL_PUBLIC_KEYSET", config.publicKeyset());
            LOG.infof("queue messages are sealed to staff's key %s", Integer.toUnsignedString(sealer.primaryKeyId()));
            return sealer;
        }
    }
}
