package dk.skp.intake.mail;

/**
 * A pending mail as the sender claims it from the outbox.
 *
 * @param language    da or en
 * @param acuteDanger the reporter said the person is in acute danger; alerts say so
 * @param attempts    failed attempts so far
 */
public record OutboxMail(long id, MailKind kind, String reference, String language, String recipient,
        boolean acuteDanger, int attempts) {

    /** Deliberately without the recipient: this is what may appear in logs. */
    @Override
    public String toString() {
        return kind + " for " + reference;
    }
}
