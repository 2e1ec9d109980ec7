package dk.skp.model.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How a mail outbox is sent.
 *
 * @param batchSize    mails claimed per round
 * @param maxAttempts  failed attempts after which a mail is given up and its address erased
 * @param firstBackoff the pause after the first failure; it doubles with every further failure
 * @param maxBackoff   the longest pause
 * @param claimLease   how long a claimed mail is hidden from other senders: it must outlast a round (batch size times
 *                     two tries of the mailer's timeout), and it covers a sender that dies mid-round
 */
public record OutboxSettings(int batchSize, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
        Duration claimLease) {

    public OutboxSettings {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("a mail outbox needs a batch size and max attempts of at least 1");
        }
        for (Duration d : new Duration[] { Objects.requireNonNull(firstBackoff), Objects.requireNonNull(maxBackoff),
                Objects.requireNonNull(claimLease) }) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a mail outbox's backoffs and claim lease must be positive");
            }
        }
    }

    /** The settings a service's configuration gives. */
    public static OutboxSettings of(OutboxConfig config) {
        return new OutboxSettings(config.batchSize(), config.maxAttempts(), config.firstBackoff(), config.maxBackoff(),
                config.claimLease());
    }

    /** Whether one more failure of {@code mail} gives it up. */
    public boolean lastAttempt(OutboxMail mail) {
        return mail.attempts() + 1 >= maxAttempts;
    }

    /** The pause after {@code failures} failed attempts: first-backoff, doubling, at most max-backoff. */
    public Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = firstBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
