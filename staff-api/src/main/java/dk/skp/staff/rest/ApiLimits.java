package dk.skp.staff.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The limits staff-api's document gives for what it sends and takes, each where the server makes it true: the
 * request's Bean Validation (@Size on the same field when it came in), the signed-in staff member's identity
 * (CurrentViewer refuses a longer subject and shortens a longer name), or the format the server writes.
 */
public final class ApiLimits {

    private ApiLimits() {
    }

    /** An OIDC subject: at most 255 ASCII characters (OpenID Connect Core 1.0, section 2); CurrentViewer checks it. */
    public static final int SUBJECT = 255;
    /** A person's or an organisation's name, as entered (@Size) or as the token gave it (CurrentViewer shortens it). */
    public static final int NAME = 200;
    public static final int EMAIL = 254;
    public static final int DISTRICT = 80;
    /** A few words: a triage reason, a closing note, a place note, a next step (@Size on the commands). */
    public static final int NOTE = 500;
    /** A service a concern was passed or handed over to (@Size on the commands). */
    public static final int SERVICE = 200;
    /** SKP-XXXX-XXXX. */
    public static final int REFERENCE = 13;
    public static final String REFERENCE_PATTERN = "^SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$";
    /** A page cursor ('next', 'after'): base64 of a time, a rank and an id, well under this. */
    public static final int CURSOR = 200;
    /** An audit action or a history entry's action: one of AuditLog.Action's names. */
    public static final int ACTION = 40;
    /** A concern's version (ETag, If-Match): a long, in quotes. */
    public static final int ETAG = 22;
    /** The most a list of concerns, audit rows or dead messages holds per page (the limit parameters' @Max). */
    public static final int PAGE = 100;
    /** A reporter's answer (shared-model ReporterAnswered.MAX_ANSWER_LENGTH). */
    public static final int ANSWER = 2000;
    /** A dead message's error, as PgQueue cuts it. */
    public static final int ERROR = 2000;
    /** A queue topic, e.g. concern-submitted. */
    public static final int TOPIC = 100;

    /** The items of a contact person's districts (@Size on NewContactPerson and ContactPersonUpdate). */
    @Schema(name = "District", type = SchemaType.STRING, maxLength = DISTRICT)
    public static final class District {
    }
}
