package dk.skp.model.web;

import dk.skp.model.problem.Languages;
import dk.skp.model.problem.Problem;
import dk.skp.model.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request that declares a body larger than {@code quarkus.http.limits.max-body-size} is refused before any of it is
 * read, with a 413 problem+json like every other refusal (the server's own 413 has no body). A chunked body without a
 * length that grows too large is still cut off by the server itself.
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        long limit = max.asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared.strip(), limit)) {
                Locale locale = locale(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
                Problem problem = new Problem(type.uri(), type.title(locale), type.status(), type.detail(locale),
                        context.request().path(), null);
                context.response().setStatusCode(type.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                        // The rest of the body is not read: the client must not reuse the connection.
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(problem));
                return;
            }
            context.next();
        });
    }

    private static boolean tooLarge(String declared, long limit) {
        try {
            return Long.parseLong(declared) > limit;
        } catch (NumberFormatException e) {
            return false; // the server refuses a malformed length itself
        }
    }

    private static Locale locale(String acceptLanguage) {
        return Languages.fromHeader(acceptLanguage);
    }
}
