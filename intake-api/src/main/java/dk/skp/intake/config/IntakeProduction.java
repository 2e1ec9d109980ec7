package dk.skp.intake.config;

import dk.skp.model.config.ProductionSettings;
import dk.skp.model.queue.SealKeys;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * What intake-api refuses to start without in production (see {@link ProductionSettings}).
 * The values are the settings themselves, gathered under skp.production in application.properties.
 */
@ConfigMapping(prefix = "skp.production")
@ProductionSettings.Checked
public interface IntakeProduction extends ProductionSettings {

    @Override
    @WithDefault("false")
    boolean developmentDefaults();

    Optional<String> databasePassword();

    Optional<String> challengeKey();

    Optional<String> sealKeyset();

    @Override
    default List<Required> required() {
        return List.of(Required.secret("SKP_DB_INTAKE_PASSWORD", databasePassword(), "skp_intake"),
                // Every instance must sign challenges and form tokens with the same key, one nobody else knows.
                Required.secret("SKP_INTAKE_PROTECTION_CHALLENGE_KEY", challengeKey(),
                        "local-development-only-challenge-key", "test-only-key-for-the-form-protection-tests"),
                // The committed development keyset's private half is in the repository: refused however it is given.
                Required.secret("SKP_SEAL_PUBLIC_KEYSET",
                        sealKeyset().map(k -> SealKeys.isDevelopment(k) ? SealKeys.DEVELOPMENT : k), SealKeys.DEVELOPMENT));
    }
}
