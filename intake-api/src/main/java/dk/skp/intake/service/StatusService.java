package dk.skp.intake.service;

import dk.skp.model.problem.StorableText;
import dk.skp.intake.config.IntakeConfig;
import dk.skp.intake.queue.ConcernQueue;
import dk.skp.intake.repository.ReporterQuestionRepository;
import dk.skp.intake.repository.ReporterQuestionRepository.Marked;
import dk.skp.intake.repository.ReporterQuestionRepository.OpenQuestion;
import dk.skp.intake.repository.ReporterStatusRepository;
import dk.skp.intake.repository.ReporterStatusRepository.Entry;
import dk.skp.model.exchange.PasscodeHasher;
import dk.skp.model.message.ReporterAnswered;
import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.PublicStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What a reporter can look up with the passcode they got once: a coarse status code, and the team's question if one is
 * open, which they may answer once. An unknown reference, a wrong passcode and a reference locked after too many wrong
 * passcodes all get the same answer, so a guesser learns nothing, not even whether a reference exists; an answer counts
 * towards the lock-out exactly as a look-up does.
 */
@ApplicationScoped
public class StatusService {

    private final ReporterStatusRepository statuses;
    private final ReporterQuestionRepository questions;
    private final ConcernQueue queue;
    private final RateLimiter limiter;
    private final IntakeConfig config;
    private final Clock clock;
    private final PasscodeHasher passcodes;

    public StatusService(ReporterStatusRepository statuses, ReporterQuestionRepository questions, ConcernQueue queue,
            RateLimiter limiter, IntakeConfig config, Clock clock, PasscodeHasher passcodes) {
        this.passcodes = passcodes;
        this.statuses = statuses;
        this.questions = questions;
        this.queue = queue;
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
    }

    /** The status, and the team's open question if there is one. */
    public record StatusView(PublicStatus status, OpenQuestion question) {
    }

    /** A reporter's answer, as sent: checked here, so that the JSON API and the web page apply the same rules. */
    public record Answer(String questionId, String answer) {
    }

    public StatusView lookup(String typedReference, String passcode, String clientAddress) {
        String reference = admit(typedReference, passcode, clientAddress);
        Optional<StatusView> view;
        try {
            // The attempt is counted in its own transaction, which commits whether or not the passcode was right.
            view = QuarkusTransaction.requiringNew().call(() -> {
                Optional<PublicStatus> status = reference == null ? Optional.empty() : check(reference, passcode);
                if (status.isEmpty()) {
                    return Optional.<StatusView>empty();
                }
                return Optional.of(new StatusView(status.get(), questions.findOpen(reference).orElse(null)));
            });
        } catch (QuarkusTransactionException e) {
            throw ProblemException.unavailable(e);
        }
        return view.orElseThrow(StatusService::notFound);
    }

    /**
     * Marks the question answered and sends the answer to staff, in one transaction: it either happens once or not at
     * all. Bad input is refused before anything is looked at, so it changes nothing, not even the count of wrong
     * passcodes.
     *
     * @return when the answer was taken
     */
    public Instant answer(String typedReference, String passcode, Answer answer, Locale language, String clientAddress) {
        UUID questionId = validate(answer);
        String text = answer.answer().strip();
        String reference = admit(typedReference, passcode, clientAddress);
        Instant now = clock.instant();
        Optional<Marked> marked;
        try {
            marked = QuarkusTransaction.requiringNew().call(() -> {
                if (reference == null || check(reference, passcode).isEmpty()) {
                    return Optional.<Marked>empty();
                }
                Marked result = questions.markAnswered(reference, questionId, now);
                if (result == Marked.NOW) {
                    queue.publish(ReporterAnswered.v1(UUID.randomUUID(), reference, questionId, now, text,
                            language.getLanguage()));
                }
                return Optional.of(result);
            });
        } catch (QuarkusTransactionException e) {
            throw ProblemException.unavailable(e);
        }
        return switch (marked.orElseThrow(StatusService::notFound)) {
            case NOW -> now;
            case BEFORE -> throw new ProblemException(ProblemType.CONFLICT, "question.answered");
            case NO_SUCH_QUESTION -> throw new ProblemException(ProblemType.NOT_FOUND, "question.notFound");
        };
    }

    /** The per-field rules of an answer; throws one 422 naming every broken rule. */
    public static UUID validate(Answer answer) {
        List<FieldError> errors = new ArrayList<>();
        UUID questionId = null;
        if (answer.questionId() == null || answer.questionId().isBlank()) {
            errors.add(new FieldError("questionId", "field.required"));
        } else if (answer.questionId().length() > 36) {
            errors.add(new FieldError("questionId", "field.malformed")); // the API documents maxLength 36: a UUID
        } else {
            try {
                questionId = UUID.fromString(answer.questionId().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("questionId", "field.malformed"));
            }
        }
        if (answer.answer() == null || answer.answer().isBlank()) {
            errors.add(new FieldError("answer", "field.required"));
        } else if (!StorableText.storable(answer.answer())) {
            errors.add(new FieldError("answer", "field.unstorable")); // the status page's post: JSON is refused earlier
        } else if (answer.answer().strip().length() > ReporterAnswered.MAX_ANSWER_LENGTH) {
            errors.add(new FieldError("answer", "answer.tooLong|" + ReporterAnswered.MAX_ANSWER_LENGTH));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, null, List.copyOf(errors), null, null);
        }
        return questionId;
    }

    /** Rate limit and passcode presence; the normalised reference, or null for one that cannot exist. */
    private String admit(String typedReference, String passcode, String clientAddress) {
        limiter.acquireForAddress("status", clientAddress, config.limits().statusLookupsPerHour());
        if (passcode == null || passcode.isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "passcode.missing");
        }
        return ReferenceNumber.normalise(typedReference);
    }

    private Optional<PublicStatus> check(String reference, String passcode) throws Exception {
        Optional<Entry> found = statuses.findForUpdate(reference);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = found.get();
        Instant now = clock.instant();
        if (entry.lockedUntil() != null && entry.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        if (passcodes.matches(entry.passcodeHash(), passcode)) {
            if (entry.failedAttempts() > 0 || entry.lockedUntil() != null) {
                statuses.recordAttempt(reference, 0, null);
            }
            return Optional.of(entry.status());
        }
        int failures = entry.failedAttempts() + 1;
        if (failures >= config.status().maxFailedAttempts()) {
            statuses.recordAttempt(reference, 0, now.plus(config.status().lockout()));
        } else {
            statuses.recordAttempt(reference, failures, null);
        }
        return Optional.empty();
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "status.notFound");
    }
}
