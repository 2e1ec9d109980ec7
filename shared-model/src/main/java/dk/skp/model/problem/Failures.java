package dk.skp.model.problem;

import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.SealedPayload;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Says what failed, for the log (and columns an operator reads), without anything a client sent: the messages of
 * driver and framework exceptions quote the values they choked on (PostgreSQL's detail and context repeat a
 * parameter or a piece of a JSON document, Jackson repeats the input), and those values may be a name or a
 * diagnosis. Only the chain of exception classes, each SQLException's SQLState, and where the failure was thrown
 * (class, method and line of the innermost cause's first frames) are written.
 */
public final class Failures {

    private static final int MAX_CAUSES = 8;
    private static final int FRAMES = 6;

    private Failures() {
    }

    /** For example {@code QuarkusTransactionException <- PSQLException (SQLSTATE 22P05)}. */
    public static String describe(Throwable failure) {
        return describe(failure, t -> null);
    }

    /**
     * {@link #describe(Throwable)}, with {@code detail} adding what a caller knows to be free of content about the
     * exceptions of its own trade (for example an SMTP reply code), or null.
     */
    public static String describe(Throwable failure, Function<Throwable, String> detail) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES; t = t.getCause() == t ? null : t.getCause()) {
            String part = t.getClass().getSimpleName();
            if (t instanceof MessageCodec.UnsupportedMessageException || t instanceof SealedPayload.UnopenableException) {
                part += ": " + t.getMessage(); // written by us, free of content
            } else if (t instanceof SQLException sql && sql.getSQLState() != null) {
                part += " (SQLSTATE " + sql.getSQLState() + ")";
            } else {
                part += Objects.requireNonNullElse(detail.apply(t), "");
            }
            chain.add(part);
        }
        return String.join(" <- ", chain);
    }

    /** {@link #describe(Throwable)} and where the innermost cause was thrown, for a failure nobody expected. */
    public static String describeWithPlace(Throwable failure) {
        Throwable root = failure;
        for (int i = 0; i < MAX_CAUSES && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        StringBuilder text = new StringBuilder(describe(failure));
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            text.append("\n\tat ").append(frames[i].getClassName()).append('.').append(frames[i].getMethodName())
                    .append('(').append(frames[i].getFileName()).append(':').append(frames[i].getLineNumber()).append(')');
        }
        return text.toString();
    }
}
