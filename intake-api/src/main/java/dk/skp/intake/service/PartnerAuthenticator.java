package dk.skp.intake.service;

import dk.skp.intake.config.IntakeConfig;
import dk.skp.intake.repository.PartnerDirectory;
import dk.skp.intake.repository.PartnerDirectory.Partner;
import dk.skp.model.exchange.Secrets;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;

/**
 * Recognises partner systems by their API key ({@code Authorization: Bearer skp_...}). A client that keeps sending
 * keys that are no partner's is refused from memory before its next key is looked up: the look-up is a database query,
 * and a key search must not become a way to load the database. Per instance (see {@link LocalBuckets}), since a
 * shared count would itself need the database; live keys never count.
 */
@ApplicationScoped
public class PartnerAuthenticator {

    private static final String BEARER = "Bearer ";

    private final PartnerDirectory directory;
    private final LocalBuckets unknownKeys;
    private final IntakeConfig config;

    public PartnerAuthenticator(PartnerDirectory directory, LocalBuckets unknownKeys, IntakeConfig config) {
        this.directory = directory;
        this.unknownKeys = unknownKeys;
        this.config = config;
    }

    /**
     * @return the partner, or null for a public client that sent no key
     * @throws ProblemException 401 when a key is sent that is not a live partner key; 429 when this client sent too
     *                          many of those (before its key is looked up)
     */
    public Partner authenticate(String authorization, String clientAddress) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String key = authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).trim() : "";
        if (!key.startsWith(Secrets.API_KEY_PREFIX)) {
            throw invalidKey();
        }
        String client = ClientAddress.bucket(clientAddress);
        unknownKeys.check("unknown-key:" + client, config.limits().unknownPartnerKeysPerHour());
        try {
            return directory.findByKeyHash(Secrets.sha256(key)).orElseThrow(() -> {
                unknownKeys.take("unknown-key:" + client, config.limits().unknownPartnerKeysPerHour());
                return invalidKey();
            });
        } catch (SQLException e) {
            throw ProblemException.unavailable(e);
        }
    }

    private static ProblemException invalidKey() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "apiKey.invalid", List.of(), null, null);
    }
}
