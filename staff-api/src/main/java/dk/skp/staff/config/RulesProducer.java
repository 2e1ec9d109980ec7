package dk.skp.staff.config;

import dk.skp.model.concern.ConcernRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class RulesProducer {

    /** The rules intake applies to public concerns (shared-model), for the concerns staff enter. */
    @Produces
    @Singleton
    ConcernRules concernRules(StaffConfig config) {
        return new ConcernRules(config.entry().childWelfareRoute());
    }
}
