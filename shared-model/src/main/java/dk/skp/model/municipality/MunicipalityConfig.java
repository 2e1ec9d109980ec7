package dk.skp.model.municipality;

import dk.skp.model.concern.ConcernRules;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Which municipality runs this deployment: {@code skp.municipality.profile} (SKP_MUNICIPALITY_PROFILE) names a
 * built-in profile or a profile file. Both services read it (this mapping and its producers are theirs through the
 * indexed shared-model), so both sides show the same team, and staff's retention erases after the period the form and
 * the receipt promise.
 */
@ConfigMapping(prefix = "skp.municipality")
public interface MunicipalityConfig {

    /** A built-in profile (odense, guldborgsund) or the path of a profile file. */
    String profile();

    @ApplicationScoped
    class Producer {

        private static final Logger LOG = Logger.getLogger(Producer.class);

        /** Loaded at start, so a bad profile stops the service with every problem named instead of failing later. */
        @Produces
        @Singleton
        @Startup
        MunicipalityProfile profile(MunicipalityConfig config) {
            MunicipalityProfile profile = MunicipalityProfiles.load(config.profile());
            LOG.infof("municipality profile %s: %s, %s", profile.id(), profile.municipality().da(), profile.team().da());
            return profile;
        }

        @Produces
        @Singleton
        ServedArea servedArea(MunicipalityProfile profile) {
            return new ServedArea(profile);
        }

        /**
         * The rules every concern meets, whoever sends or enters it (shared-model, the same in intake and staff); a
         * concern about a child is refused with this municipality's child-welfare route.
         */
        @Produces
        @Singleton
        ConcernRules concernRules(MunicipalityProfile profile) {
            return new ConcernRules(Optional.ofNullable(profile.childWelfare().route()));
        }
    }
}
