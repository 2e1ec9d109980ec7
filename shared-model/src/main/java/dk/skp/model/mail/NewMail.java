package dk.skp.model.mail;

import java.util.Map;
import java.util.Objects;

/**
 * A mail to promise: written to a {@link MailOutbox} in the transaction of the change it announces.
 *
 * @param reference the concern's reference, or null for a mail about no one concern
 * @param content   a value for each of the outbox's content columns
 */
public record NewMail(String kind, String reference, String recipient, Map<String, Object> content) {

    public NewMail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        content = Map.copyOf(content);
    }
}
