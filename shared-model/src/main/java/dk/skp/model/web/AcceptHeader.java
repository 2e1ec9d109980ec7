package dk.skp.model.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An Accept header that is not a list of media ranges (blank, {@code text/}, {@code ;;;}) is disregarded, as RFC 9110
 * allows, and the request is answered as if it had none. The framework's content negotiation throws on such a header,
 * and the request ended in a 500.
 */
@ApplicationScoped
public class AcceptHeader {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_RANGE = Pattern.compile("\\s*" + TOKEN + "/" + TOKEN
            + "(\\s*;\\s*" + TOKEN + "\\s*=\\s*(" + TOKEN + "|\"[^\"\\\\]*\"))*\\s*");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            List<String> accept = context.request().headers().getAll(HttpHeaders.ACCEPT);
            if (!accept.isEmpty() && !accept.stream().allMatch(AcceptHeader::wellFormed)) {
                context.request().headers().remove(HttpHeaders.ACCEPT);
            }
            context.next();
        });
    }

    static boolean wellFormed(String header) {
        if (header.length() > 2_000) {
            return false;
        }
        for (String range : header.split(",", -1)) {
            if (!MEDIA_RANGE.matcher(range).matches()) {
                return false;
            }
        }
        return true;
    }
}
