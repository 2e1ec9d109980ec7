package dk.skp.staff.security;

import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;

/**
 * Security events, one line each in the log category {@value #CATEGORY}, for a log watcher to count and alert on:
 * refused tokens (401), refused roles (403) and a contact person asking for a concern that is not theirs (the 404 that
 * looks like absence to them). A line names the operation by its path template, never the path or query as sent
 * (a client controls those), and never a token or anything from one but the subject, the staff member's pseudonymous
 * id at the provider; nothing about the concern but its id.
 */
public final class SecurityLog {

    public static final String CATEGORY = "skp.security";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private SecurityLog() {
    }

    /** A request without a token ({@code no-token}) or with one that failed verification ({@code invalid-token}). */
    public static void unauthenticated(String reason) {
        LOG.warnf("event=unauthenticated reason=%s operation=\"%s\"", reason, operation());
    }

    public static void forbidden(String subject, Collection<String> roles) {
        LOG.warnf("event=forbidden reason=role subject=%s roles=%s operation=\"%s\"", quoted(subject),
                String.join(",", new TreeSet<>(roles)), operation());
    }

    public static void notTheirs(String subject, UUID concern) {
        LOG.warnf("event=forbidden reason=not-their-concern subject=%s concern=%s operation=\"%s\"", quoted(subject),
                concern, operation());
    }

    /** "GET /api/v1/concerns/{id}": the matched endpoint's method and template, as the API document names it. */
    private static String operation() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        RuntimeResource target = request == null ? null : request.getTarget();
        if (target == null) {
            return "unmatched";
        }
        String path = (target.getClassPath() == null ? "" : target.getClassPath().template)
                + (target.getPath() == null ? "" : target.getPath().template);
        path = path.replace("//", "/");
        return target.getHttpMethod() + " " + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    /** Subjects come from signed tokens, but are still kept to what an id looks like, so a line stays one line. */
    private static String quoted(String subject) {
        if (subject == null) {
            return "-";
        }
        return subject.length() <= 255 && subject.matches("[A-Za-z0-9._:@|-]+") ? subject : "(unprintable)";
    }
}
