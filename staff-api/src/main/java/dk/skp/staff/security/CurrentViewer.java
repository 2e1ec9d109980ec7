package dk.skp.staff.security;

import dk.skp.staff.service.Viewer;
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
        return new Viewer(subject, name, identity.getRoles());
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
