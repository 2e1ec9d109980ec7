package dk.skp.staff.mail;

import dk.skp.model.mail.MailOutbox;
import dk.skp.model.mail.OutboxMail;
import dk.skp.model.mail.OutboxSender;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends staff's outbox with the shared {@link OutboxSender}: claimed in batches for a lease, so several staff
 * instances share the work and no transaction or lock is held while SMTP is slow; a failed mail comes back after a
 * doubling pause and is given up, its address erased, after {@code skp.staff.mail.max-attempts} failures. Logs name
 * the mail's kind and reference, never the recipient or the text.
 */
@ApplicationScoped
public class MailSender {

    private final OutboxSender sender;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicReference<Optional<MailOutbox.Counts>> counts = new AtomicReference<>(Optional.empty());
    private final List<Meter> meters;

    public MailSender(StaffMail mails, AgroalDataSource dataSource, Mailer mailer, Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
        this.sender = new OutboxSender(dataSource, mails.outbox(), mail -> mailer.send(message(mail)),
                new OutboxSender.Events() {
                });
        meters = List.of(
                Gauge.builder("skp.mail.outbox.waiting", counts,
                        c -> c.get().map(MailOutbox.Counts::pending).map(Long::doubleValue).orElse(Double.NaN))
                        .description("Staff mails waiting to be sent").register(registry),
                Gauge.builder("skp.mail.outbox.parked", counts,
                        c -> c.get().map(MailOutbox.Counts::givenUp).map(Long::doubleValue).orElse(Double.NaN))
                        .description("Staff mails given up after too many failed sends, kept without their address")
                        .register(registry));
    }

    /** The registry can outlive this bean (tests restart the service in one JVM): take the gauges along. */
    @PreDestroy
    void unregister() {
        meters.forEach(registry::remove);
    }

    @Scheduled(identity = "staff-mail-outbox", every = "${skp.staff.mail.send-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        sendDue(clock.instant());
    }

    /** Sends up to {@code skp.staff.mail.batch-size} mails that are due at {@code now}. */
    public OutboxSender.Round sendDue(Instant now) {
        try {
            return sender.sendRound(now);
        } finally {
            counts.set(sender.counts());
        }
    }

    private static Mail message(OutboxMail mail) {
        return Mail.withText(mail.recipient(), (String) mail.content().get(StaffMail.SUBJECT),
                (String) mail.content().get(StaffMail.BODY))
                // RFC 3834: out-of-office and other auto-replies should not answer a machine.
                .addHeader("Auto-Submitted", "auto-generated");
    }
}
