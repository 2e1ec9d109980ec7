package dk.skp.staff.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which of the two ways of signing in a request uses.
 * <ul>
 * <li>The default tenant ({@code quarkus.oidc.*}, a service): API clients send a bearer token with every call. A
 * request to {@code /api/} that carries no browser session is theirs, so that it is answered 401, never redirected to
 * a sign-in page.</li>
 * <li>The {@value #BROWSER} tenant ({@code quarkus.oidc.web.*}, a web app): the staff client in the browser. staff-api
 * runs the authorization-code flow and keeps the tokens in an encrypted, HttpOnly session cookie, so that no token
 * ever reaches JavaScript; the client's API calls are authenticated by that cookie.</li>
 * </ul>
 */
@ApplicationScoped
public class StaffTenantResolver implements TenantResolver {

    public static final String BROWSER = "web";
    /** quarkus-oidc names a tenant's session cookie q_session_&lt;tenant&gt; (with _chunk_N when split). */
    public static final String SESSION_COOKIE = "q_session_" + BROWSER;

    private final boolean browserSignIn;

    public StaffTenantResolver(@ConfigProperty(name = "quarkus.oidc.web.tenant-enabled", defaultValue = "true") boolean browserSignIn) {
        this.browserSignIn = browserSignIn;
    }

    @Override
    public String resolve(RoutingContext context) {
        if (!browserSignIn || context.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        String path = context.normalizedPath();
        if ((path.startsWith("/api/") || path.startsWith("/q/")) && !hasBrowserSession(context)) {
            return null;
        }
        return BROWSER;
    }

    public static boolean hasBrowserSession(RoutingContext context) {
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
