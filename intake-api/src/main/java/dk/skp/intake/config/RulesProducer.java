package dk.skp.intake.config;

import dk.skp.model.concern.ConcernRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class RulesProducer {

    /** The rules staff apply to the concerns they enter too (shared-model), with this municipality's settings. */
    @Produces
    @Singleton
    ConcernRules concernRules(IntakeConfig config) {
        return new ConcernRules(config.childWelfareRoute());
    }
}
