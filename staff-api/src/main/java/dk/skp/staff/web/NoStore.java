package dk.skp.staff.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer of staff-api may carry personal data (a concern, a search result, a problem naming a field), so no
 * browser, proxy or shared cache may keep one: {@code Cache-Control: no-store}, set as the headers go out so that it
 * is on refusals too (401, 403, 413, problem+json from any layer). Only the client's built files, whose names change
 * with their content and which hold no data, stay cacheable (quarkus.http.filter.assets).
 */
@ApplicationScoped
public class NoStore {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            // No path (a malformed request line) is answered with a refusal: no-store as well.
            if (path == null || !path.startsWith("/assets/") && !path.startsWith("/favicon.")) {
                context.addHeadersEndHandler(done -> context.response().headers().set("Cache-Control", "no-store"));
            }
            context.next();
        });
    }
}
