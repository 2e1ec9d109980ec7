package dk.skp.intake.service;

import dk.skp.intake.repository.PartnerDirectory;
import dk.skp.intake.repository.PartnerDirectory.Partner;
import dk.skp.model.exchange.Secrets;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;

/** Recognises partner systems by their API key ({@code Authorization: Bearer skp_...}). */
@ApplicationScoped
public class PartnerAuthenticator {

    private static final String BEARER = "Bearer ";

    private final PartnerDirectory directory;

    public PartnerAuthenticator(PartnerDirectory directory) {
        this.directory = directory;
    }

    /**
     * @return the partner, or null for a public client that sent no key
     * @throws ProblemException 401 when a key is sent that is not a live partner key
     */
    public Partner authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String key = authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).trim() : "";
        if (!key.startsWith(Secrets.API_KEY_PREFIX)) {
            throw invalidKey();
        }
        try {
            return directory.findByKeyHash(Secrets.sha256(key)).orElseThrow(PartnerAuthenticator::invalidKey);
        } catch (SQLException e) {
            throw ProblemException.unavailable(e);
        }
    }

    private static ProblemException invalidKey() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "apiKey.invalid", List.of(), null, null);
    }
}
