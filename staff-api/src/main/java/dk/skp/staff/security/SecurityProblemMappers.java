package dk.skp.staff.security;

import dk.skp.model.problem.ProblemResponses;
import dk.skp.model.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json, like every other refusal. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}), so a missing, expired or badly signed token fails inside the endpoint
 * call, where these mappers see it. Each refusal is a line in the security log ({@link SecurityLog}); the token itself
 * is never logged or echoed, nor the exception's message, which may quote the token's claims.
 */
public class SecurityProblemMappers {

    /** RFC 6750: tells a client that it needs a bearer token, and, when it sent one, that the token was not valid. */
    private static final String CHALLENGE = "Bearer realm=\"skp-staff\"";

    private final SecurityIdentity identity;

    public SecurityProblemMappers(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        SecurityLog.unauthenticated("invalid-token");
        return unauthorized(headers, uri, CHALLENGE + ", error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        SecurityLog.unauthenticated("no-token");
        return unauthorized(headers, uri, CHALLENGE);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        SecurityLog.forbidden(identity.isAnonymous() ? null : identity.getPrincipal().getName(), identity.getRoles());
        return ProblemResponses.of(ProblemType.FORBIDDEN, ProblemResponses.locale(headers), null, uri, List.of(), null);
    }

    private static Response unauthorized(HttpHeaders headers, UriInfo uri, String challenge) {
        Response problem = ProblemResponses.of(ProblemType.UNAUTHORIZED, ProblemResponses.locale(headers), null, uri,
                List.of(), null);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
