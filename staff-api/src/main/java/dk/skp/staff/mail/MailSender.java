package dk.skp.staff.mail;

import dk.skp.model.logging.LogFields;
import dk.skp.staff.config.StaffConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Each mail is claimed with {@code FOR UPDATE SKIP LOCKED}, sent and deleted in a transaction of its
 * own, so several staff instances share the work, a slow SMTP server holds up one mail and not a batch, and a crash
 * between sending and committing repeats at most that one mail. A failed mail comes back after a doubling delay and
 * is parked after {@code skp.staff.mail.max-attempts} failures. Logs name the mail's id, kind and reference, never the
 * recipient or the text.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final Pattern ADDRESSES = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int MAX_ERROR_LENGTH = 500;

    /** What one round did. */
    public record Round(int sent, int failed, int parked) {
    }

    private final Mailer mailer;
    private final Clock clock;
    private final StaffConfig.Mail config;
    private final AtomicLong waiting = new AtomicLong(-1);
    private final AtomicLong parked = new AtomicLong(-1);
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    public MailSender(Mailer mailer, Clock clock, StaffConfig config, MeterRegistry registry) {
        this.mailer = mailer;
        this.clock = clock;
        this.config = config.mail();
        this.registry = registry;
        meters.add(Gauge.builder("skp.mail.outbox.waiting", waiting, w -> w.get() < 0 ? Double.NaN : w.get())
                .description("Staff mails waiting to be sent").register(registry));
        meters.add(Gauge.builder("skp.mail.outbox.parked", parked, p -> p.get() < 0 ? Double.NaN : p.get())
                .description("Staff mails parked after too many failed sends").register(registry));
    }

    /** The registry can outlive this bean (tests restart the service in one JVM): take the gauges along. */
    @PreDestroy
    void unregister() {
        meters.forEach(registry::remove);
    }

    @Scheduled(identity = "staff-mail-outbox", every = "${skp.staff.mail.send-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            sendDue(clock.instant());
        } catch (RuntimeException e) {
            // The database is away; the next round tries again.
            LOG.warnf("sending staff mail failed: %s", e.toString());
        }
    }

    /**
     * Sends up to {@code skp.staff.mail.batch-size} mails that are due at {@code now}.
     */
    public Round sendDue(Instant now) {
        int sent = 0;
        int failed = 0;
        int parkedNow = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> sendOne(now));
            if (outcome == Outcome.NONE_DUE) {
                break;
            }
            switch (outcome) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case PARKED -> parkedNow++;
                default -> throw new IllegalStateException(outcome.name());
            }
        }
        refreshGauges();
        return new Round(sent, failed, parkedNow);
    }

    private enum Outcome {
        NONE_DUE, SENT, FAILED, PARKED
    }

    private Outcome sendOne(Instant now) {
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<MailOutboxEntity> due = em.createNativeQuery("""
                SELECT * FROM staff.mail_outbox
                 WHERE parked_at IS NULL AND available_at <= ?1
                 ORDER BY available_at
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED""", MailOutboxEntity.class).setParameter(1, now).getResultList();
        if (due.isEmpty()) {
            return Outcome.NONE_DUE;
        }
        MailOutboxEntity mail = due.get(0);
        try {
            send(mail);
        } catch (Exception e) {
            return failed(mail, e, now);
        }
        em.remove(mail);
        LogFields.infof(LOG, mail.reference, "sent mail %s (%s%s)", mail.id, mail.kind,
                mail.reference == null ? "" : ", " + mail.reference);
        return Outcome.SENT;
    }

    /**
     * One send, tried twice: a pooled connection that the relay closed meanwhile (it restarted, or dropped idle
     * connections) fails the first mail sent on it, and the second try opens a fresh one. A relay that is away fails
     * both, and the mail comes back after its delay.
     */
    private void send(MailOutboxEntity mail) {
        try {
            mailer.send(message(mail));
        } catch (RuntimeException first) {
            LOG.debugf("mail %s: first try failed, trying once more: %s", mail.id, describe(first));
            try {
                mailer.send(message(mail));
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static Mail message(MailOutboxEntity mail) {
        return Mail.withText(mail.recipient, mail.subject, mail.body).addHeader("Auto-Submitted", "auto-generated");
    }

    private Outcome failed(MailOutboxEntity mail, Exception e, Instant now) {
        mail.attempts++;
        mail.lastError = describe(e);
        String what = mail.id + " (" + mail.kind + (mail.reference == null ? "" : ", " + mail.reference) + ")";
        if (mail.attempts >= config.maxAttempts()) {
            mail.parkedAt = now;
            LOG.errorf("mail %s parked after %d failed attempts: %s", what, mail.attempts, mail.lastError);
            return Outcome.PARKED;
        }
        Duration delay = backoffAfter(mail.attempts);
        mail.availableAt = now.plus(delay);
        LOG.warnf("mail %s failed (attempt %d of %d), retrying in %s: %s", what, mail.attempts, config.maxAttempts(),
                delay, mail.lastError);
        return Outcome.FAILED;
    }

    /** The delay after {@code failures} failed sends: first-backoff, doubling, at most max-backoff. */
    Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = config.firstBackoff().multipliedBy(1L << doublings);
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    /** The failure without addresses: SMTP servers like to quote the recipient they refused. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(ADDRESSES.matcher(t.getMessage()).replaceAll("<address>"));
            }
        }
        return text.length() <= MAX_ERROR_LENGTH ? text.toString() : text.substring(0, MAX_ERROR_LENGTH);
    }

    private void refreshGauges() {
        try {
            Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager()
                    .createNativeQuery("SELECT count(*) FILTER (WHERE parked_at IS NULL), count(*) FILTER "
                            + "(WHERE parked_at IS NOT NULL) FROM staff.mail_outbox")
                    .getSingleResult());
            waiting.set(((Number) counts[0]).longValue());
            parked.set(((Number) counts[1]).longValue());
        } catch (RuntimeException e) {
            waiting.set(-1);
            parked.set(-1);
        }
    }
}
