package dk.skp.staff.rest;

import dk.skp.model.problem.ProblemResponses;
import dk.skp.model.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json, like every other refusal. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}), so a missing, expired or badly signed token fails inside the endpoint
 * call, where these mappers see it. The token itself is never logged or echoed.
 */
public class SecurityProblemMappers {

    /** RFC 6750: tells a client that it needs a bearer token, and, when it sent one, that the token was not valid. */
    private static final String CHALLENGE = "Bearer realm=\"skp-staff\"";

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri, CHALLENGE + ", error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri, CHALLENGE);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, ProblemResponses.locale(headers), null, uri, List.of(), null);
    }

    private static Response unauthorized(HttpHeaders headers, UriInfo uri, String challenge) {
        Response problem = ProblemResponses.of(ProblemType.UNAUTHORIZED, ProblemResponses.locale(headers), null, uri,
                List.of(), null);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
