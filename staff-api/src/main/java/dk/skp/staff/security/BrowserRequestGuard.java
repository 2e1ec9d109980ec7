package dk.skp.staff.security;

import dk.skp.model.problem.ProblemResponses;
import dk.skp.model.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery protection for the browser client. A request authenticated by the session cookie alone
 * (no Authorization header) that changes something must come from the client's own script: it carries
 * {@value #MARKER_HEADER}: {@value #MARKER_VALUE}, which a page on another site cannot add without a CORS pre-flight
 * that this service never grants, and, where the browser says where it comes from (Origin, Sec-Fetch-Site), it comes
 * from this very origin. The session cookie is SameSite=Strict as well; this holds where a browser ignores that.
 * Bearer clients are not affected: a browser never adds their token on its own.
 */
public class BrowserRequestGuard {

    public static final String MARKER_HEADER = "X-Requested-With";
    public static final String MARKER_VALUE = "JavaScript";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ServerRequestFilter(preMatching = true)
    public Response refuseForgedChanges(ContainerRequestContext request, RoutingContext routing, HttpHeaders headers, UriInfo uri) {
        if (SAFE.contains(request.getMethod()) || request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                || !StaffTenantResolver.hasBrowserSession(routing)) {
            return null;
        }
        if (MARKER_VALUE.equals(request.getHeaderString(MARKER_HEADER)) && sameOrigin(routing.request())
                && !"cross-site".equals(request.getHeaderString("Sec-Fetch-Site"))
                && !"same-site".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            return null;
        }
        Locale locale = ProblemResponses.locale(headers);
        String detail = "da".equals(locale.getLanguage())
                ? "Ændringer fra browseren skal komme fra SKP's egen klient på denne adresse."
                : "Changes from a browser must come from the SKP client on this address.";
        return ProblemResponses.of(ProblemType.FORBIDDEN, locale, detail, uri, List.of(), null);
    }

    /** No Origin header (some browsers send none on same-origin requests), or exactly this service's own origin. */
    private static boolean sameOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        URI from;
        try {
            from = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = request.authority() != null ? request.authority().toString() : request.getHeader("Host");
        String forwardedProto = request.getHeader("X-Forwarded-Proto");
        String ownScheme = forwardedProto != null ? forwardedProto : request.scheme();
        if (from.getScheme() == null || from.getHost() == null || host == null || ownScheme == null) {
            return false; // "null" (a sandboxed or privacy-sensitive context) and the like: not this origin
        }
        String fromAuthority = from.getPort() == -1 ? from.getHost() : from.getHost() + ":" + from.getPort();
        return fromAuthority.equalsIgnoreCase(host) && from.getScheme().equalsIgnoreCase(ownScheme);
    }
}
