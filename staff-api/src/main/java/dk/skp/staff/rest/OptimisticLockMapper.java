package dk.skp.staff.rest;

import dk.skp.model.problem.ProblemResponses;
import dk.skp.model.problem.ProblemType;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Another request changed the concern between this one's read and its write (Hibernate's version check caught it,
 * e.g. at an automatic flush): the same 412 as a stale If-Match, never a 500.
 */
@Provider
public class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(OptimisticLockException e) {
        var locale = ProblemResponses.locale(headers);
        return ProblemResponses.of(ProblemType.PRECONDITION_FAILED, locale,
                ProblemType.text(locale, "ifMatch.stale"), uri, List.of(), null);
    }
}
