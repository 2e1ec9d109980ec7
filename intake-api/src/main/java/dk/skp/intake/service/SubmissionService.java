package dk.skp.intake.service;

import dk.skp.model.logging.LogFields;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.skp.intake.config.IntakeConfig;
import dk.skp.intake.mail.SubmissionMails;
import dk.skp.intake.queue.ConcernQueue;
import dk.skp.intake.repository.IdempotencyRecords;
import dk.skp.intake.repository.IssuedReferences;
import dk.skp.intake.repository.ReporterStatusRepository;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.ConcernRules;
import dk.skp.model.exchange.PasscodeHasher;
import dk.skp.model.exchange.Secrets;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.municipality.ServedArea;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a concern: checks the rules, gives it a reference and puts it on the queue to staff, all in one
 * transaction with its idempotency record, its status entry and its mails in the outbox. Returns only after the commit, so a receipt always
 * means the concern is durably stored; when the database cannot be reached the caller gets a 503 and the reporter
 * is told to try again, never a false receipt.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final ConcernRules rules;
    private final ConcernQueue queue;
    private final IssuedReferences references;
    private final ReporterStatusRepository statuses;
    private final IdempotencyRecords idempotency;
    private final ServiceNotices notices;
    private final IntakeConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final RateLimiter limiter;
    private final SubmissionMails submissionMails;
    private final ServedArea servedArea;
    private final PasscodeHasher passcodes;

    public SubmissionService(RateLimiter limiter, ConcernRules rules, ServedArea servedArea, ConcernQueue queue,
            IssuedReferences references, ReporterStatusRepository statuses, IdempotencyRecords idempotency,
            SubmissionMails submissionMails, ServiceNotices notices, IntakeConfig config, ObjectMapper json, Clock clock,
            MeterRegistry metrics, PasscodeHasher passcodes) {
        this.passcodes = passcodes;
        this.submissionMails = submissionMails;
        this.servedArea = servedArea;
        this.limiter = limiter;
        this.rules = rules;
        this.queue = queue;
        this.references = references;
        this.statuses = statuses;
        this.idempotency = idempotency;
        this.notices = notices;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Receipt submit(Submission submission) {
        if (submission.idempotencyKey() != null && submission.partner() == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "idempotency.publicOnly");
        }
        if (submission.partner() != null) {
            limiter.acquire("partner", submission.partner().id(), config.limits().partnerSubmissionsPerHour());
        } else if (submission.clientAddress() != null) {
            limiter.acquireForAddress("submit", submission.clientAddress(), config.limits().publicSubmissionsPerHour());
        }
        ConcernRules.Checked checked = rules.check(submission.report(),
                submission.partner() == null ? null : submission.partner().defaultRole());
        ConcernReport report = checked.report();
        // Refused here (nothing queued) or let in with a word to the reporter; staff warns from the same profile.
        boolean outsideArea = servedArea.check(report.whereabouts());
        Locale locale = report.language() != null ? Languages.of(report.language()) : submission.locale();
        String passcode = report.reporter().wantsStatusUpdates() ? Secrets.newPasscode() : null;
        String partnerId = submission.partner() == null ? null : submission.partner().id();

        Receipt receipt;
        try {
            receipt = QuarkusTransaction.requiringNew().call(() -> {
                String key = submission.idempotencyKey();
                if (key != null) {
                    Receipt earlier = earlierAnswer(partnerId, key, requestHash(report));
                    if (earlier != null) {
                        return earlier;
                    }
                }
                ConcernSubmitted message = ConcernSubmitted.v1(UUID.randomUUID(), references.issueNew(), clock.instant(),
                        submission.channel(), partnerId, report);
                queue.publish(message);
                if (passcode != null) {
                    statuses.insert(message.reference(), passcodes.hash(passcode));
                }
                submissionMails.enqueueAfterSubmission(report, message.reference(), locale);
                Receipt created = new Receipt(message.reference(), message.receivedAt(),
                        notices.afterSubmission(report.acuteDanger(), !checked.redactedFields().isEmpty(), outsideArea, locale),
                        passcode, checked.redactedFields(), report.acuteDanger(), locale, false);
                if (key != null) {
                    idempotency.storeResponse(partnerId, key, json.writeValueAsString(created.toResponse().withoutPasscode()));
                }
                return created;
            });
        } catch (QuarkusTransactionException e) {
            metrics.counter("skp.intake.submissions.failed", "channel", submission.channel().name()).increment();
            // Reaching the database, writing or committing failed: nothing was accepted.
            throw ProblemException.unavailable(e);
        }
        if (receipt.replayed()) {
            LogFields.infof(LOG, receipt.reference(), "replayed the answer for concern %s (Idempotency-Key of partner %s)",
                    receipt.reference(), partnerId);
            return receipt;
        }
        metrics.counter("skp.intake.submissions", "channel", submission.channel().name()).increment();
        // Only the reference: nothing the reporter wrote goes to the log.
        LogFields.infof(LOG, receipt.reference(), "accepted concern %s via %s%s%s", receipt.reference(), submission.channel(),
                partnerId == null ? "" : " from partner " + partnerId, receipt.acuteDanger() ? " (acute danger)" : "");
        return receipt;
    }

    /**
     * The stored answer to an earlier request with this key, or null when the key is new (or expired) and now
     * belongs to this request.
     */
    private Receipt earlierAnswer(String partnerId, String key, String requestHash) throws Exception {
        if (idempotency.claim(partnerId, key, requestHash)) {
            return null;
        }
        IdempotencyRecords.Existing existing = idempotency.find(partnerId, key).orElseThrow();
        if (existing.createdAt().isBefore(clock.instant().minus(config.idempotency().retention()))) {
            idempotency.delete(partnerId, key);
            idempotency.claim(partnerId, key, requestHash);
            return null;
        }
        if (!existing.requestHash().equals(requestHash) || existing.responseJson() == null) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, null);
        }
        return Receipt.replayOf(json.readValue(existing.responseJson(), SubmissionResponse.class));
    }

    /** Of the checked report, so that a retry with other whitespace or field order is still the same request. */
    private static String requestHash(ConcernReport report) {
        return Secrets.sha256(MessageCodec.canonicalJson(report));
    }
}
