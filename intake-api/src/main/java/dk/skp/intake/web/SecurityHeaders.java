package dk.skp.intake.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer, and for HTML a Content-Security-Policy that allows only the service's own script
 * and style sheet (no inline code, no third party) and lets a configured site embed the form.
 */
@ApplicationScoped
public class SecurityHeaders {

    void install(@Observes Router router, FormConfig config) {
        String frameAncestors = config.frameAncestors().strip();
        if (frameAncestors.isEmpty() || !frameAncestors.matches("[A-Za-z0-9 '*:/.\\-]+")) {
            throw new IllegalArgumentException("skp.intake.form.frame-ancestors must be CSP sources such as 'self' "
                    + "https://www.example.dk, separated by spaces");
        }
        String csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors " + frameAncestors;
        // For browsers without frame-ancestors; it can only say "nobody" or "this site".
        String frameOptions = switch (frameAncestors) {
            case "'none'" -> "DENY";
            case "'self'" -> "SAMEORIGIN";
            default -> null;
        };
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                // Not no-referrer: with it, browsers send "Origin: null" on the form's own POST, which CORS must refuse.
                headers.set("Referrer-Policy", "same-origin");
                String type = headers.get("Content-Type");
                if (type != null && type.startsWith("text/html")) {
                    headers.set("Content-Security-Policy", csp);
                    headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
                    if (frameOptions != null) {
                        headers.set("X-Frame-Options", frameOptions);
                    }
                }
            });
            context.next();
        });
    }
}
