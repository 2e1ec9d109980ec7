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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Query parameters of the APIs are held to {@link StorableText}'s rule as JSON bodies are: a parameter with a NUL
 * character ({@code ?district=%00}) is the client's error, a 400 problem naming the parameter, before a handler could
 * hand it to PostgreSQL (which refuses it, and the request ended in a 5xx).
 */
@ApplicationScoped
public class QueryText {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 3).handler(context -> {
            MultiMap parameters;
            try {
                parameters = context.queryParams();
            } catch (RuntimeException undecodable) {
                context.next(); // the framework answers a query it cannot decode itself
                return;
            }
            for (Map.Entry<String, String> parameter : parameters) {
                if (!StorableText.storable(parameter.getKey()) || !StorableText.storable(parameter.getValue())) {
                    Locale locale = Languages.fromHeader(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                    String name = StorableText.storable(parameter.getKey()) ? parameter.getKey() : "query";
                    ProblemType type = ProblemType.MALFORMED_REQUEST;
                    Problem problem = new Problem(type.uri(), type.title(locale), type.status(), type.detail(locale),
                            context.request().path(), List.of(new FieldError(name,
                                    ProblemType.text(locale, "field.unstorable"))));
                    context.response().setStatusCode(type.status())
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                            .end(Json.encode(problem));
                    return;
                }
            }
            context.next();
        });
    }
}
