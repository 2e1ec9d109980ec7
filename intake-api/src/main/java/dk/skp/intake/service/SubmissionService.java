package dk.skp.intake.service;

import dk.skp.intake.mail.MailOutbox;
import dk.skp.intake.queue.ConcernQueue;
import dk.skp.intake.repository.IssuedReferences;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.vocabulary.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dk.skp.model.problem.Languages;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a concern: gives it a reference and puts it on the queue to staff in one transaction. Returns only after
 * the commit, so a receipt always means the concern is durably stored; when the database cannot be reached the
 * caller gets a 503 and the reporter is told to try again, never a false receipt.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final ConcernQueue queue;
    private final IssuedReferences references;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ServiceNotices notices;

    @Inject
    MailOutbox mailOutbox;

    public SubmissionService(ConcernQueue queue, IssuedReferences references, Clock clock, MeterRegistry metrics,
            ServiceNotices notices) {
        this.notices = notices;
        this.queue = queue;
        this.references = references;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Receipt submit(Submission submission) {
        ConcernReport report = submission.report();
        Channel channel = submission.channel();
        Locale locale = report.language() != null ? Languages.of(report.language()) : submission.locale();
        Receipt receipt;
        try {
            receipt = QuarkusTransaction.requiringNew().call(() -> {
                ConcernSubmitted message = ConcernSubmitted.v1(UUID.randomUUID(), references.issueNew(), clock.instant(),
                        channel, submission.partnerId(), report);
                queue.publish(message);
                mailOutbox.enqueueAfterSubmission(report, message.reference(), locale);
                return new Receipt(message.reference(), message.receivedAt(),
                        notices.afterSubmission(report.acuteDanger(), locale), null, List.of(), report.acuteDanger(), locale);
            });
        } catch (QuarkusTransactionException e) {
            metrics.counter("skp.intake.submissions.failed", "channel", channel.name()).increment();
            // Reaching the database, writing or committing failed: nothing was accepted.
            throw ProblemException.unavailable(e);
        }
        metrics.counter("skp.intake.submissions", "channel", channel.name()).increment();
        // Only the reference: nothing the reporter wrote goes to the log.
        LOG.infof("accepted concern %s via %s%s", receipt.reference(), channel, receipt.acuteDanger() ? " (acute danger)" : "");
        return receipt;
    }
}
