package dk.skp.staff.config;

import dk.skp.model.queue.Opener;
import dk.skp.model.queue.SealKeys;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Staff's private keyset, which opens the queue messages intake sealed to its public half (see
 * {@link dk.skp.model.queue.SealedPayload}). It may hold several keys: the primary, to which intake seals now, and
 * earlier ones, kept until no message sealed to them is left on the queue, dead ones included (README, "Running it in
 * production"). Required: only the profiles local, dev and test have one (the committed development keyset), and a
 * missing or unreadable keyset stops the service at start.
 */
@ConfigMapping(prefix = "skp.seal")
public interface QueueSeal {

    /** SKP_SEAL_PRIVATE_KEYSET: the private keyset bin/seal-keys prints, as JSON or the path of a file holding it. */
    String privateKeyset();

    class Producer {
        @Produces
        @Singleton
        @Startup // a missing or wrong keyset stops the service at start, not at the first message
        Opener opener(QueueSeal config) {
            return SealKeys.opener("SKP_SEAL_PRIVATE_KEYSET", config.privateKeyset());
        }
    }
}
