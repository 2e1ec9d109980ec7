package dk.skp.intake.protection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    /**
     * Upper bound of the secret number in a challenge: the client tries on average half of this many SHA-256 hashes.
     * At 1,000,000 a script pays about half a second of one core per submission (ProofOfWorkCostTest prints the
     * figure for the machine it runs on), while the form's script solves it in the background in a few seconds on a
     * phone, as the person fills in the form. At most 100,000,000 (the API documents Challenge.maxnumber so; a phone
     * would need minutes beyond that): a larger value stops the service at start.
     */
    @WithDefault("1000000")
    @Min(1)
    @Max(MAX_NUMBER_LIMIT)
    long maxNumber();

    long MAX_NUMBER_LIMIT = 100_000_000L;

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
