package dk.skp.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "skp.intake")
public interface IntakeConfig {

    /** Origins (comma-separated) whose pages may call the API from a browser; read by quarkus.http.cors.origins. */
    String corsOrigins();

    Limits limits();

    StatusLookup status();

    Idempotency idempotency();

    /**
     * Requests per client and hour before 429, counted in the database and shared by all instances; a client address
     * is an IPv4 address or an IPv6 /64.
     */
    interface Limits {
        /** Submissions from one client IP without an API key. */
        @WithDefault("20")
        int publicSubmissionsPerHour();

        /** Submissions per partner API key. */
        @WithDefault("600")
        int partnerSubmissionsPerHour();

        /** Status look-ups from one client IP. */
        @WithDefault("60")
        int statusLookupsPerHour();

        /**
         * Unknown partner keys from one client address, counted in memory per instance (they must be refused before
         * the database is asked); then 429 until the allowance refills.
         */
        @WithDefault("10")
        int unknownPartnerKeysPerHour();

        /** Receipt mails to one e-mail address per day; the concern is accepted beyond that, only the mail is skipped. */
        @WithDefault("5")
        int receiptsPerAddressPerDay();
    }

    interface StatusLookup {
        /** Wrong passcodes for one reference before look-ups of it are locked. */
        @WithDefault("5")
        int maxFailedAttempts();

        @WithDefault("15M")
        Duration lockout();
    }

    interface Idempotency {
        @WithDefault("24H")
        Duration retention();
    }
}
