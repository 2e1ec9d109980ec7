package dk.skp.model.mail;

import java.util.Map;

/**
 * A pending mail as a sender claims it from a {@link MailOutbox}.
 *
 * @param id        the row's key (a number in intake's outbox, a UUID in staff's)
 * @param kind      what kind of mail, for logs, metrics and the composer
 * @param reference the concern's reference when the mail is about one concern; what logs name instead of the recipient
 * @param content   the outbox's own columns the mail is composed from, by column name
 * @param attempts  failed attempts so far
 */
public record OutboxMail(Object id, String kind, String reference, String recipient, Map<String, Object> content,
        int attempts) {

    /** Deliberately without the recipient and the content: this is what may appear in logs. */
    @Override
    public String toString() {
        return kind + (reference == null ? " mail " + id : " for " + reference);
    }
}
