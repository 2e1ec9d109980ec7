package dk.skp.staff.core;

import dk.skp.model.problem.Problem;
import dk.skp.model.problem.ProblemResponses;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.core.Lifecycle.Move;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/** A refused move answers 409 in the reader's language, and names the moves that exist, for people and programs. */
@Provider
public class MoveNotAllowedMapper implements ExceptionMapper<MoveNotAllowedException> {

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(MoveNotAllowedException e) {
        Locale locale = ProblemResponses.locale(headers);
        ProblemType type = e.type();
        String detail = MessageFormat.format(ProblemType.text(locale, e.detailKey()), e.refused(), e.current(),
                e.allowed().stream().map(Move::name).collect(Collectors.joining(", ")));
        return Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .entity(new LifecycleProblem(type.uri(), type.title(locale), type.status(), detail,
                        uri == null ? null : uri.getPath(), e.current(), e.refused(), e.allowed()))
                .build();
    }
}
