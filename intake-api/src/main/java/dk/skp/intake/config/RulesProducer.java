package dk.skp.intake.config;

import dk.skp.model.concern.ConcernRules;
import dk.skp.model.municipality.MunicipalityProfile;
import java.util.Optional;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class RulesProducer {

    /** The rules staff apply to the concerns they enter too (shared-model), with the child-welfare route of this municipality's profile. */
    @Produces
    @Singleton
    ConcernRules concernRules(MunicipalityProfile profile) {
        return new ConcernRules(Optional.ofNullable(profile.childWelfare().route()));
    }
}
