package dk.skp.staff.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

public class ClockProducer {

    /** One clock for the whole service, so that tests can control time where it matters. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
