package dk.skp.staff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "skp.staff")
public interface StaffConfig {

    Queue queue();

    Auth auth();

    /** The municipality's time zone: what "today" is for absences and for the dates of contact attempts. */
    @WithDefault("Europe/Copenhagen")
    ZoneId zone();

    /** Where staff tokens come from; read by SmallRye JWT (see application.properties), declared here to document them. */
    interface Auth {
        /** The provider's JWKS URL in production, or a PEM public key file for a local run. */
        String keys();

        String issuer();

        String audience();
    }

    interface Queue {
        /** Off only in tests that feed the queue by hand. */
        @WithDefault("true")
        boolean enabled();

        int maxAttempts();

        Duration firstBackoff();

        Duration maxBackoff();

        int batchSize();

        Duration pollInterval();

        /** How often the queue gauges are read from the database. */
        String metricsRefresh();
    }
}
