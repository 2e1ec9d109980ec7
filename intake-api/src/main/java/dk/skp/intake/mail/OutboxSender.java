package dk.skp.intake.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Sends what {@link MailOutbox} holds, in rounds, so that intake never waits for SMTP: a sent mail's row is
 * deleted, a failed one comes back after a growing delay, and after too many failures it is given up and its
 * address erased. Logs name the mail kind and the concern's reference, never an address or a text.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final Mailer mailer;
    private final MeterRegistry metrics;
    private final MailConfig.Outbox config;
    private final AtomicReference<MailOutbox.Counts> counts = new AtomicReference<>();
    private final List<Meter> gauges;

    public OutboxSender(MailOutbox outbox, MailComposer composer, Mailer mailer, MeterRegistry metrics, MailConfig config) {
        this.outbox = outbox;
        this.composer = composer;
        this.mailer = mailer;
        this.metrics = metrics;
        this.config = config.outbox();
        gauges = List.of(
                Gauge.builder("skp.intake.mail.outbox.pending", counts,
                        c -> c.get() == null ? Double.NaN : c.get().pending())
                        .description("Mails waiting to be sent").register(metrics),
                Gauge.builder("skp.intake.mail.outbox.given.up", counts,
                        c -> c.get() == null ? Double.NaN : c.get().givenUp())
                        .description("Mails given up after too many failed attempts, kept for an operator without their"
                                + " address")
                        .register(metrics));
    }

    /**
     * The registry can outlive this bean (tests start the service several times in one JVM), and registering a gauge
     * whose name is taken returns the old one, bound to the old bean's counts: take the gauges along.
     */
    @PreDestroy
    void unregister() {
        gauges.forEach(metrics::remove);
    }

    @Scheduled(identity = "mail-outbox-sender", every = "${skp.intake.mail.outbox.send-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            sendRound();
        } finally {
            refreshCounts();
        }
    }

    /** Sends the mails due now, up to one batch; returns how many were sent. */
    public int sendRound() {
        List<OutboxMail> claimed;
        try {
            claimed = outbox.claimDue(config.batchSize(), config.claimLease());
        } catch (SQLException e) {
            LOG.warnf("mail outbox unreachable, mails wait: %s", MailErrors.describe(e));
            return 0;
        }
        for (int i = 0; i < claimed.size(); i++) {
            OutboxMail mail = claimed.get(i);
            try {
                mailer.send(composer.compose(mail));
            } catch (RuntimeException failure) {
                // Nearly always the server (down, refusing, not answering) rather than this one mail: the rest of
                // the batch would fail alike, each after up to quarkus.mailer.timeout, so they wait for the next round.
                failed(mail, failure, claimed.subList(i + 1, claimed.size()));
                return i;
            }
            metrics.counter("skp.intake.mail.sent", "kind", mail.kind().name()).increment();
            LOG.infof("sent %s", mail);
            try {
                outbox.sent(mail);
            } catch (SQLException e) {
                // SMTP and the database cannot commit together; the row comes back after the claim lease. So would
                // every other mail of the batch sent now, and go out twice: they wait for the lease instead.
                int untried = claimed.size() - i - 1;
                String waiting = untried == 0 ? "" : "; " + untried + " more wait for the claim to lapse";
                LOG.warnf("sent %s, but could not remove it from the outbox, so it may be sent again%s: %s", mail,
                        waiting, MailErrors.describe(e));
                return i + 1;
            }
        }
        return claimed.size();
    }

    private void failed(OutboxMail mail, RuntimeException failure, List<OutboxMail> untried) {
        int failures = mail.attempts() + 1;
        boolean giveUp = failures >= config.maxAttempts();
        Duration retryAfter = backoffAfter(failures);
        String error = MailErrors.describe(failure);
        metrics.counter("skp.intake.mail.failed", "kind", mail.kind().name(), "outcome", giveUp ? "given-up" : "retry")
                .increment();
        try {
            outbox.failed(mail, error, retryAfter, giveUp);
            outbox.release(untried);
        } catch (SQLException e) {
            LOG.warnf("could not record the failure of %s; it is retried after the claim lease: %s", mail,
                    MailErrors.describe(e));
        }
        String waiting = untried.isEmpty() ? "" : "; " + untried.size() + " more wait for the next round";
        if (giveUp) {
            LOG.errorf("gave up %s after %d attempts, its address is erased%s: %s", mail, failures, waiting, error);
        } else {
            LOG.warnf("could not send %s (attempt %d of %d, next in %s)%s: %s", mail, failures, config.maxAttempts(),
                    retryAfter, waiting, error);
        }
    }

    /** Doubles from first-backoff with every failure, up to max-backoff. */
    Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = config.firstBackoff().multipliedBy(1L << doublings);
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private void refreshCounts() {
        try {
            counts.set(outbox.counts());
        } catch (SQLException e) {
            counts.set(null); // NaN: unknown, rather than a stale number that looks healthy
        }
    }
}
