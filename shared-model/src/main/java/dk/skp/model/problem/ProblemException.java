package dk.skp.model.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by a service when a request cannot be done; the REST layer turns it into problem+json. The detail is a
 * message key, so the answer can be given in the reader's language.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detailKey) {
        this(type, detailKey, List.of(), null, null);
    }

    public ProblemException(ProblemType type, String detailKey, List<FieldError> errors, Duration retryAfter,
            Throwable cause) {
        super(type + (detailKey == null ? "" : ": " + detailKey), cause);
        this.type = type;
        this.detailKey = detailKey;
        this.errors = errors;
        this.retryAfter = retryAfter;
    }

    public static ProblemException unavailable(Throwable cause) {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, null, List.of(), Duration.ofSeconds(30), cause);
    }

    public ProblemType type() {
        return type;
    }

    /** Key into Problems*.properties, or null for the type's general detail. */
    public String detailKey() {
        return detailKey;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
