package dk.skp.model.mail;

import dk.skp.model.logging.LogFields;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends what a {@link MailOutbox} holds, one round at a time, so that no change ever waits for SMTP: a sent mail's row
 * is deleted, a failed one comes back after a doubling pause, and after too many failures it is given up with its
 * address erased. A send is tried twice at once: a pooled SMTP connection the relay closed meanwhile (it restarted, or
 * dropped idle connections) fails the first mail sent on it, and the second try opens a fresh one. The first failure
 * of both tries ends the round: it is nearly always the server (down, refusing, not answering) rather than that one
 * mail, and the rest would fail alike, each after the mailer's timeout; they wait for the next round. Logs name the
 * mail's kind and reference, never an address or a text.
 */
public final class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    /** Hands a composed mail to SMTP; throws when the server did not take it. */
    @FunctionalInterface
    public interface Transport {
        void send(OutboxMail mail);
    }

    /** What a service counts of its mails (metrics); both do nothing unless overridden. */
    public interface Events {
        default void sent(OutboxMail mail) {
        }

        default void failed(OutboxMail mail, boolean givenUp) {
        }
    }

    /** What one round did: mails sent, failed and to be retried, given up. */
    public record Round(int sent, int failed, int givenUp) {
    }

    private final DataSource database;
    private final MailOutbox outbox;
    private final Transport transport;
    private final Events events;

    public OutboxSender(DataSource database, MailOutbox outbox, Transport transport, Events events) {
        this.database = database;
        this.outbox = outbox;
        this.transport = transport;
        this.events = events;
    }

    /** Sends the mails due at {@code now}, up to one batch. */
    public Round sendRound(Instant now) {
        List<OutboxMail> claimed;
        try (Connection connection = database.getConnection()) {
            claimed = outbox.claimDue(connection, now);
        } catch (SQLException e) {
            LOG.warnf("mail outbox %s unreachable, mails wait: %s", outbox.table(), MailErrors.describe(e));
            return new Round(0, 0, 0);
        }
        for (int i = 0; i < claimed.size(); i++) {
            OutboxMail mail = claimed.get(i);
            try {
                sendTwice(mail);
            } catch (RuntimeException failure) {
                boolean givenUp = failed(mail, failure, claimed.subList(i + 1, claimed.size()), now);
                return new Round(i, givenUp ? 0 : 1, givenUp ? 1 : 0);
            }
            events.sent(mail);
            LogFields.infof(LOG, mail.reference(), "sent %s", mail);
            try (Connection connection = database.getConnection()) {
                outbox.sent(connection, mail);
            } catch (SQLException e) {
                // SMTP and the database cannot commit together; the row comes back after the claim lease. So would
                // every other mail of the batch sent now, and go out twice: they wait for the lease instead.
                int untried = claimed.size() - i - 1;
                LOG.warnf("sent %s, but could not remove it from the outbox, so it may be sent again%s: %s", mail,
                        untried == 0 ? "" : "; " + untried + " more wait for the claim to lapse", MailErrors.describe(e));
                return new Round(i + 1, 0, 0);
            }
        }
        return new Round(claimed.size(), 0, 0);
    }

    private void sendTwice(OutboxMail mail) {
        try {
            transport.send(mail);
        } catch (RuntimeException first) {
            LOG.debugf("%s: first try failed, trying once more: %s", mail, MailErrors.describe(first));
            try {
                transport.send(mail);
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private boolean failed(OutboxMail mail, RuntimeException failure, List<OutboxMail> untried, Instant now) {
        int failures = mail.attempts() + 1;
        boolean giveUp = outbox.settings().lastAttempt(mail);
        String error = MailErrors.describe(failure);
        events.failed(mail, giveUp);
        try (Connection connection = database.getConnection()) {
            outbox.failed(connection, mail, error, now);
            outbox.release(connection, untried, now);
        } catch (SQLException e) {
            LOG.warnf("could not record the failure of %s; it is tried again after the claim lease: %s", mail,
                    MailErrors.describe(e));
        }
        String waiting = untried.isEmpty() ? "" : "; " + untried.size() + " more wait for the next round";
        if (giveUp) {
            LOG.errorf("gave up %s after %d attempts, its address is erased%s: %s", mail, failures, waiting, error);
        } else {
            LOG.warnf("could not send %s (attempt %d of %d, next in %s)%s: %s", mail, failures,
                    outbox.settings().maxAttempts(), outbox.settings().backoffAfter(failures), waiting, error);
        }
        return giveUp;
    }

    /** Pending and given-up mails now, or empty when the database cannot say (a metric then shows NaN, not a stale
     * number that looks healthy). */
    public Optional<MailOutbox.Counts> counts() {
        try (Connection connection = database.getConnection()) {
            return Optional.of(outbox.counts(connection));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
