package dk.skp.model.exchange;

import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The server-side secret of reporter passcodes (see {@link PasscodeHasher}). Intake and staff both write and intake
 * checks the hashes in exchange.reporter_status, so both need the same value. Required: there is no default outside
 * the dev and test profiles, and a missing or short secret stops the service at start.
 */
@ConfigMapping(prefix = "skp.passcode")
public interface PasscodeSecret {

    /** SKP_PASSCODE_SECRET: a long random value (at least 32 characters), the same for intake and staff. */
    String secret();

    class Producer {
        @Produces
        @Singleton
        @Startup // a missing or short secret stops the service at start, not at the first passcode
        PasscodeHasher passcodes(PasscodeSecret config) {
            return new PasscodeHasher(config.secret());
        }
    }
}
