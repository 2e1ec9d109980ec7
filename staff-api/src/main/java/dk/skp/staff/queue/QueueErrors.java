package dk.skp.staff.queue;

import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.SealedPayload;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Says why a message failed, for the queue's error column, the log and the admin's dead-message list, without
 * repeating the message's content: driver and framework messages often quote the values they choked on.
 */
final class QueueErrors {

    private QueueErrors() {
    }

    static String describe(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 6; t = t.getCause()) {
            String part = t.getClass().getSimpleName();
            if (t instanceof MessageCodec.UnsupportedMessageException || t instanceof SealedPayload.UnopenableException) {
                part += ": " + t.getMessage(); // written by us, free of content
            } else if (t instanceof SQLException sql && sql.getSQLState() != null) {
                part += " (SQLSTATE " + sql.getSQLState() + ")";
            }
            chain.add(part);
        }
        return String.join(" <- ", chain);
    }
}
