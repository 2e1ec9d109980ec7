package dk.skp.staff.security;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.rest.ApiLimits;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the signed-in staff member into the {@link Viewer} that services check records and write audit rows for:
 * from a bearer token (API clients) or from the ID token of the browser's session, both verified by quarkus-oidc.
 */
@RequestScoped
public class CurrentViewer {

    private final SecurityIdentity identity;

    public CurrentViewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Viewer get() {
        Principal principal = identity.getPrincipal();
        String subject = principal.getName();
        String name = subject;
        if (principal instanceof JsonWebToken token) {
            if (token.getSubject() != null) {
                subject = token.getSubject();
            }
            name = firstPresent(token.getClaim("name"), token.getClaim("preferred_username"), subject);
        }
        if (subject == null || subject.length() > ApiLimits.SUBJECT) {
            // OpenID Connect Core 1.0, section 2: a subject is at most 255 ASCII characters; the API documents it so
            throw new ProblemException(ProblemType.UNAUTHORIZED, null);
        }
        if (name != null && name.length() > ApiLimits.NAME) {
            name = name.substring(0, ApiLimits.NAME); // a display name, kept as the API documents it
        }
        // Only SKP's roles: the token may carry the provider's own (offline_access, ...), which mean nothing here.
        Set<String> roles = identity.getRoles().stream().filter(Viewer.ROLES::contains).collect(Collectors.toSet());
        return new Viewer(subject, name, roles);
    }

    private static String firstPresent(Object... values) {
        for (Object value : values) {
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
