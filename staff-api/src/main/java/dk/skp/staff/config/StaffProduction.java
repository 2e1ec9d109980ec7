package dk.skp.staff.config;

import dk.skp.model.config.ProductionSettings;
import dk.skp.model.queue.SealKeys;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * What staff-api refuses to start without in production (see {@link ProductionSettings}).
 * The values are the settings themselves, gathered under skp.production in application.properties.
 */
@ConfigMapping(prefix = "skp.production")
@ProductionSettings.Checked
public interface StaffProduction extends ProductionSettings {

    @Override
    @WithDefault("false")
    boolean developmentDefaults();

    Optional<String> databasePassword();

    Optional<String> issuer();

    Optional<String> clientSecret();

    Optional<String> sealKeyset();

    @Override
    default List<Required> required() {
        return List.of(Required.secret("SKP_DB_STAFF_PASSWORD", databasePassword(), "skp_staff"),
                // Tokens are only as trustworthy as the way their keys are fetched: the provider's discovery over TLS.
                Required.httpsUrl("SKP_STAFF_AUTH_SERVER_URL", issuer()),
                Required.secret("SKP_STAFF_AUTH_CLIENT_SECRET", clientSecret(), "skp-staff-local-development-secret-2026"),
                // The committed development keyset is in the repository: refused however it is given, also as an old key.
                Required.secret("SKP_SEAL_PRIVATE_KEYSET",
                        sealKeyset().map(k -> SealKeys.isDevelopment(k) ? SealKeys.DEVELOPMENT : k), SealKeys.DEVELOPMENT));
    }
}
