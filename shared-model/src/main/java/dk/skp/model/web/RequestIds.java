package dk.skp.model.web;

import dk.skp.model.logging.LogFields;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id: on each log line written while it is handled (the MDC field {@code requestId}) and
 * in the answer's {@code X-Request-Id} header, so that an operator can find the lines of one request, and a reporter
 * or partner who quotes the header the lines of theirs. A proxy's own id ({@code X-Request-Id}, e.g. nginx's
 * {@code $request_id}) is taken over when it is hexadecimal (with dashes, as a UUID), 8 to 64 characters: such a value
 * cannot carry a name or an address into the logs. Anything else is replaced by a new random id.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[0-9A-Fa-f-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String id = acceptable(context.request().getHeader(HEADER));
            // Kept in the request's own (duplicated) Vert.x context, which Quarkus' MDC follows onto worker threads.
            MDC.put(LogFields.REQUEST_ID, id);
            context.response().putHeader(HEADER, id);
            context.next();
        });
    }

    /** The proxy's id when it is acceptable (see above), else a new one. */
    static String acceptable(String offered) {
        if (offered != null && ACCEPTED.matcher(offered).matches()) {
            return offered;
        }
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
