package dk.skp.staff.config;

import dk.skp.model.concern.ConcernRules;
import dk.skp.model.municipality.MunicipalityProfile;
import java.util.Optional;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class RulesProducer {

    /** The rules intake applies to public concerns (shared-model), for the concerns staff enter, with the profile's child-welfare route. */
    @Produces
    @Singleton
    ConcernRules concernRules(MunicipalityProfile profile) {
        return new ConcernRules(Optional.ofNullable(profile.childWelfare().route()));
    }
}
