package dk.skp.staff.contact;

import dk.skp.model.problem.FieldError;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.ConcernAccess;
import dk.skp.staff.core.ConcernChanges;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ConcernMapper;
import dk.skp.staff.core.FieldRules;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.repository.ContactAttemptEntity;
import dk.skp.staff.repository.ContactAttemptRepository;
import dk.skp.staff.core.ConcernCommands.NewContactAttempt;
import dk.skp.staff.core.Lifecycle.Move;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.vocabulary.AttemptOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Contact attempts, recorded by the contact person who holds the concern or by a coordinator. */
@ApplicationScoped
public class ContactAttemptService {

    /** Phones and servers disagree by a little; an attempt a few minutes "ahead" is still now. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ContactAttemptRepository attempts;
    private final ConcernAccess access;
    private final ConcernChanges changes;
    private final ConcernMapper mapper;
    private final Clock clock;
    private final StaffConfig config;

    public ContactAttemptService(ContactAttemptRepository attempts, ConcernAccess access, ConcernChanges changes,
            ConcernMapper mapper, Clock clock, StaffConfig config) {
        this.attempts = attempts;
        this.access = access;
        this.changes = changes;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public ConcernDetails record(Viewer viewer, UUID concernId, long expectedVersion, NewContactAttempt request) {
        ConcernEntity concern = access.changeable(viewer, concernId, expectedVersion);
        ConcernStatus before = changes.move(concern, request.outcome() == AttemptOutcome.CONTACT_ESTABLISHED
                ? Move.ESTABLISH_CONTACT : Move.RECORD_ATTEMPT);
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        if (request.attemptedAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("attemptedAt", "rule.attempt.future"));
        }
        if (request.nextStepOn() != null
                && request.nextStepOn().isBefore(request.attemptedAt().atZone(config.zone()).toLocalDate())) {
            errors.add(new FieldError("nextStepOn", "rule.attempt.nextStepOn"));
        }
        FieldRules.failIfAny(errors);

        ContactAttemptEntity attempt = new ContactAttemptEntity();
        attempt.id = UUID.randomUUID();
        attempt.concernId = concern.id;
        attempt.attemptedAt = request.attemptedAt();
        attempt.channel = request.channel();
        attempt.placeNote = FieldRules.trimmed(request.placeNote());
        attempt.outcome = request.outcome();
        attempt.nextStep = FieldRules.trimmed(request.nextStep());
        attempt.nextStepOn = request.nextStepOn();
        attempt.recordedBy = viewer.subject();
        attempt.recordedAt = now;
        attempts.persist(attempt);
        // For statistics: the earliest attempt and established contact, also when recorded out of order.
        concern.firstAttemptAt = earliest(concern.firstAttemptAt, attempt.attemptedAt);
        if (attempt.outcome == AttemptOutcome.CONTACT_ESTABLISHED) {
            concern.contactEstablishedAt = earliest(concern.contactEstablishedAt, attempt.attemptedAt);
        }

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempt", attempt.id.toString());
        details.put("channel", attempt.channel.name());
        details.put("outcome", attempt.outcome.name());
        changes.record(viewer, concern, before, AuditLog.Action.ATTEMPT, details);
        return mapper.details(viewer, concern);
    }

    private static Instant earliest(Instant known, Instant candidate) {
        return known == null || candidate.isBefore(known) ? candidate : known;
    }
}
