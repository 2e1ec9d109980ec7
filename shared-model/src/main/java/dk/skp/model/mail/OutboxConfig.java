package dk.skp.model.mail;

import java.time.Duration;

/**
 * The settings of a service's mail outbox, the same names in both services ({@code skp.intake.mail.outbox.*},
 * {@code skp.staff.mail.*}): each service's {@code @ConfigMapping} group extends this interface.
 */
public interface OutboxConfig {

    /** How often the sender looks for due mails (a scheduler interval such as 5s; "off" sends only when asked). */
    String sendInterval();

    /** Mails claimed per round. */
    int batchSize();

    /** Failed attempts after which a mail is given up (kept for an operator without its address). */
    int maxAttempts();

    /** Pause after the first failure; it doubles with every further failure. */
    Duration firstBackoff();

    Duration maxBackoff();

    /**
     * How long a claimed mail is hidden from other instances: it must outlast a round (batch-size times two tries of
     * quarkus.mailer.timeout), or a slow round could be sent twice; it covers an instance that dies mid-round.
     */
    Duration claimLease();
}
