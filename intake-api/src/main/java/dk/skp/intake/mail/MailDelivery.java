package dk.skp.intake.mail;

import dk.skp.model.mail.MailOutbox;
import dk.skp.model.mail.OutboxMail;
import dk.skp.model.mail.OutboxSender;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends intake's outbox (receipts and team alerts) in rounds with the shared {@link OutboxSender}, so that intake never
 * waits for SMTP, composing each mail from its template at send time ({@link MailComposer}); counts them for the
 * metrics.
 */
@ApplicationScoped
public class MailDelivery {

    private final OutboxSender sender;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final AtomicReference<Optional<MailOutbox.Counts>> counts = new AtomicReference<>(Optional.empty());
    private final List<Meter> gauges;

    public MailDelivery(SubmissionMails mails, AgroalDataSource dataSource, MailComposer composer, Mailer mailer,
            MeterRegistry metrics, Clock clock) {
        this.clock = clock;
        this.metrics = metrics;
        this.sender = new OutboxSender(dataSource, mails.outbox(), mail -> mailer.send(composer.compose(mail)),
                new OutboxSender.Events() {
                    @Override
                    public void sent(OutboxMail mail) {
                        metrics.counter("skp.intake.mail.sent", "kind", mail.kind()).increment();
                    }

                    @Override
                    public void failed(OutboxMail mail, boolean givenUp) {
                        metrics.counter("skp.intake.mail.failed", "kind", mail.kind(), "outcome",
                                givenUp ? "given-up" : "retry").increment();
                    }
                });
        gauges = List.of(
                Gauge.builder("skp.intake.mail.outbox.pending", counts,
                        c -> c.get().map(MailOutbox.Counts::pending).map(Long::doubleValue).orElse(Double.NaN))
                        .description("Mails waiting to be sent").register(metrics),
                Gauge.builder("skp.intake.mail.outbox.given.up", counts,
                        c -> c.get().map(MailOutbox.Counts::givenUp).map(Long::doubleValue).orElse(Double.NaN))
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
            counts.set(sender.counts());
        }
    }

    /** Sends the mails due now, up to one batch. */
    public OutboxSender.Round sendRound() {
        return sender.sendRound(clock.instant());
    }
}
