package dk.skp.model.problem;

import java.util.Locale;
import java.util.ResourceBundle;

/** The kinds of problem the services answer with; titles and details live in Problems*.properties. */
public enum ProblemType {
    MALFORMED_REQUEST(400),
    INVALID_FIELDS(422),
    CHILD_WELFARE(422),
    IDEMPOTENCY_KEY_REUSED(422),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    UNSUPPORTED_MEDIA_TYPE(415),
    CONFLICT(409),
    PRECONDITION_FAILED(412),
    PRECONDITION_REQUIRED(428),
    TOO_MANY_REQUESTS(429),
    PAYLOAD_TOO_LARGE(413),
    SERVICE_UNAVAILABLE(503),
    INTERNAL_ERROR(500),
    /** The public form's spam protection: no valid proof of work or form token. Listed after FORBIDDEN, which stays the 403 of forStatus. */
    HUMAN_CHECK_FAILED(403),
    /** The concern's postcode is not among those the municipality serves, and its profile says refuse. */
    OUTSIDE_AREA(422);

    private final int status;

    ProblemType(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return "urn:skp:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title(Locale locale) {
        return text(locale, name() + ".title");
    }

    public String detail(Locale locale) {
        return text(locale, name() + ".detail");
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }

    /**
     * A message a service named by key, with any arguments after a '|' each (e.g. {@code query.status|RECEIVED, CLOSED}),
     * in the reader's language: services do not know the language, the REST layer does. A text may use only some of
     * the arguments, e.g. the Danish one {0} and the English one {1}.
     */
    public static String message(Locale locale, String keyAndArguments) {
        String[] parts = keyAndArguments.split("\\|", 2);
        String text = text(locale, parts[0]);
        return parts.length == 1 ? text : java.text.MessageFormat.format(text, (Object[]) parts[1].split("\\|"));
    }

    /** A message from the shared bundle, e.g. for field errors that no validation annotation produced. */
    public static String text(Locale locale, String key) {
        ResourceBundle bundle = ResourceBundle.getBundle("dk.skp.model.problem.Problems", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(key);
    }
}
