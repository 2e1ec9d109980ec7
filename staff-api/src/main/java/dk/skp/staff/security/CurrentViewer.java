package dk.skp.staff.security;

import dk.skp.staff.service.Viewer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified bearer token into the {@link Viewer} that services check records and write audit rows for. */
@RequestScoped
public class CurrentViewer {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentViewer(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Viewer get() {
        String subject = token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
        return new Viewer(subject, identity.getPrincipal().getName(), identity.getRoles());
    }
}
