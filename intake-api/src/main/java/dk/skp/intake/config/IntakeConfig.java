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

    /** Requests per client before 429; in memory per instance, so N instances allow up to N times as many. */
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
