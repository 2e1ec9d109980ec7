package dk.skp.model.web;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.Problem;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.problem.StorableText;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Query parameters and path segments of the APIs are held to {@link StorableText}'s rule as JSON bodies are: a NUL
 * character ({@code ?district=%00}, {@code /partners/x%00}) is the client's error, a 400 problem naming the parameter
 * (or "path"), before a handler could hand it to PostgreSQL (which refuses it, and the request ended in a 5xx).
 */
@ApplicationScoped
public class QueryText {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 3).handler(context -> {
            // A NUL in a path segment (only %00 writes one; a raw NUL is refused by the server) reaches a handler as a
            // path parameter, and from there PostgreSQL, just as a query parameter would.
            String rawPath = context.request().path();
            if (rawPath != null && rawPath.toLowerCase(Locale.ROOT).contains("%00")) {
                refuse(context, "path");
                return;
            }
            MultiMap parameters;
            try {
                parameters = context.queryParams();
            } catch (RuntimeException undecodable) {
                context.next(); // the framework answers a query it cannot decode itself
                return;
            }
            for (Map.Entry<String, String> parameter : parameters) {
                if (!StorableText.storable(parameter.getKey()) || !StorableText.storable(parameter.getValue())) {
                    refuse(context, StorableText.storable(parameter.getKey()) ? parameter.getKey() : "query");
                    return;
                }
            }
            context.next();
        });
    }

    private static void refuse(RoutingContext context, String name) {
        Locale locale = Languages.fromHeader(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemType type = ProblemType.MALFORMED_REQUEST;
        Problem problem = new Problem(type.uri(), type.title(locale), type.status(), type.detail(locale),
                context.request().path(), List.of(new FieldError(name, ProblemType.text(locale, "field.unstorable"))));
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .end(Json.encode(problem));
    }
}
