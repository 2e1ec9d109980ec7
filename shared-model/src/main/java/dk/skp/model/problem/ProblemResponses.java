package dk.skp.model.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Builds every problem+json answer, so that all of them look alike. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Locale locale(HttpHeaders headers) {
        return Languages.of(headers);
    }

    public static Response of(ProblemType type, Locale locale, String detail, UriInfo uri, List<FieldError> errors,
            Duration retryAfter) {
        Problem problem = new Problem(type.uri(), type.title(locale), type.status(),
                detail != null ? detail : type.detail(locale), uri == null ? null : uri.getPath(),
                errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder response = Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage()).entity(problem);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds()));
        }
        return response.build();
    }
}
