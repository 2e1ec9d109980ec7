package dk.skp.intake.protection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The public form's spam protection: no third party, just a proof of work, a signed form token and a honeypot. */
@ConfigMapping(prefix = "skp.intake.protection")
public interface ProtectionConfig {

    /**
     * Signs proof-of-work challenges and form tokens (HMAC-SHA256). Every instance behind one load balancer needs the
     * same key; when unset, each process makes a random one of its own.
     */
    Optional<String> challengeKey();

    /** Upper bound of the secret number in a challenge: the client tries on average half of this many SHA-256 hashes. */
    @WithDefault("50000")
    long maxNumber();

    /** How long a challenge may be solved and sent. */
    @WithDefault("20M")
    Duration challengeTtl();

    /** A form sent sooner than this after it was shown (without JavaScript) is a script, not a person. */
    @WithDefault("3S")
    Duration formTokenMinAge();

    /**
     * Whether public (keyless) clients of the JSON API must send a solved challenge in the Proof-Of-Work header, as
     * the web form's script does. Partner systems authenticate with their key instead. bin/run turns it off so that
     * the README's curl tour works; leave it on wherever the API is reachable from the internet.
     */
    @WithDefault("true")
    boolean apiProofOfWork();

    /** How long a rendered form may be sent without JavaScript. */
    @WithDefault("2H")
    Duration formTokenMaxAge();
}
