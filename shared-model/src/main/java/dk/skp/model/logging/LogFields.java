package dk.skp.model.logging;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The fields a log line carries beside its message (the MDC): in the JSON logs they are fields of their own, in the
 * text logs the request id is printed before the message. Only identifiers that say nothing about a person: the
 * request id ({@link dk.skp.model.web.RequestIds}) and a concern's reference ({@code SKP-XXXX-XXXX}).
 * {@code LogFields.infof(LOG, reference, "accepted concern %s", reference)} writes one line with the reference as a
 * field.
 */
public final class LogFields implements AutoCloseable {

    public static final String REQUEST_ID = "requestId";
    public static final String REFERENCE = "reference";

    private final String key;
    private final Object previous;

    private LogFields(String key, Object previous) {
        this.key = key;
        this.previous = previous;
    }

    /** Sets the concern's reference on the log lines of this thread (or request) until {@link #close()}. */
    public static LogFields reference(String reference) {
        return set(REFERENCE, reference);
    }

    /** One INFO line with {@code reference} as its field. */
    public static void infof(Logger log, String reference, String format, Object... params) {
        try (LogFields ignored = reference(reference)) {
            log.infof(format, params);
        }
    }

    static LogFields set(String key, String value) {
        Object previous = MDC.get(key);
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return new LogFields(key, previous);
    }

    /** Puts back what was there before. */
    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
