package dk.skp.staff.rest;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency for concerns: reads send the version as a strong ETag, and every change must send it back
 * as If-Match, so that two staff members never overwrite each other's work unseen.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    public static final String DESCRIPTION = "The ETag of your last read of the concern. Required: 428 without it, "
            + "412 when the concern has changed since.";
    private static final Pattern OUR_TAG = Pattern.compile("\"([0-9]{1,18})\"");

    private IfMatch() {
    }

    /** The version the client last read; weak, listed or foreign tags cannot be that, and answer 412. */
    public static long version(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "ifMatch.missing");
        }
        String tag = header.strip();
        if (tag.equals("*")) {
            // "Any version" is exactly the blind overwrite this header is here to prevent.
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "ifMatch.wildcard");
        }
        Matcher ours = OUR_TAG.matcher(tag);
        if (!ours.matches()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "ifMatch.stale");
        }
        return Long.parseLong(ours.group(1));
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(new EntityTag(Long.toString(version))).build();
    }
}
