package dk.skp.staff.entry;

import dk.skp.model.logging.LogFields;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.ConcernRules;
import dk.skp.model.concern.Reporter;
import dk.skp.model.exchange.PasscodeHasher;
import dk.skp.model.exchange.Secrets;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.Channel;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.FieldRules;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ReporterStatusRepository;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.entry.ConcernEntry.EnteredConcern;
import dk.skp.staff.entry.ConcernEntry.NewConcern;
import dk.skp.staff.entry.ConcernEntry.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registers a concern a staff member was told by phone, in person, by e-mail or letter: intake's rules, a reference
 * of intake's kind, then the very registration a queued concern gets ({@link ConcernIntakeService}), with who took
 * it and an audit row of its creation. It never passes through intake: staff is where a concern arrives anyway.
 */
@ApplicationScoped
public class ConcernEntryService {

    private static final Logger LOG = Logger.getLogger(ConcernEntryService.class);
    private static final int MAX_REFERENCE_TRIES = 5;

    private final ConcernRules rules;
    private final ConcernIntakeService intake;
    private final ConcernRepository concerns;
    private final ReporterStatusRepository reporterStatus;
    private final EntryIdempotencyRepository idempotency;
    private final AuditLog audit;
    private final StaffConfig.Entry config;
    private final Clock clock;
    private final PasscodeHasher passcodes;

    public ConcernEntryService(ConcernRules rules, ConcernIntakeService intake, ConcernRepository concerns,
            ReporterStatusRepository reporterStatus, EntryIdempotencyRepository idempotency, AuditLog audit,
            StaffConfig config, Clock clock, PasscodeHasher passcodes) {
        this.rules = rules;
        this.intake = intake;
        this.concerns = concerns;
        this.reporterStatus = reporterStatus;
        this.idempotency = idempotency;
        this.audit = audit;
        this.config = config.entry();
        this.clock = clock;
        this.passcodes = passcodes;
    }

    /**
     * @param idempotencyKey the staff member's key for this concern, or null; the same key with the same request
     *                       answers with the concern the first one made (and a new passcode if one was asked for)
     */
    @Transactional
    public Outcome enter(Viewer viewer, NewConcern request, String idempotencyKey) {
        Instant now = clock.instant();
        ConcernRules.Checked checked = check(request, now);
        ConcernReport report = checked.report();
        Instant receivedAt = request.receivedAt() != null ? request.receivedAt() : now;

        if (idempotencyKey != null) {
            EnteredConcern earlier = earlier(viewer, idempotencyKey, requestHash(request, report), request, now,
                    checked.redactedFields());
            if (earlier != null) {
                LogFields.infof(LOG, earlier.reference(), "replayed concern %s for a retry with the same Idempotency-Key",
                        earlier.reference());
                return new Outcome(earlier, true);
            }
        }

        ConcernSubmitted message = ConcernSubmitted.v1(UUID.randomUUID(), freeReference(), receivedAt,
                request.channel(), null, report);
        ConcernEntity concern = intake.registerEntered(message, viewer);
        String passcode = null;
        if (request.issuePasscode()) {
            passcode = Secrets.newPasscode();
            reporterStatus.insert(concern.reference, passcodes.hash(passcode));
        }
        if (idempotencyKey != null) {
            idempotency.attach(viewer.subject(), idempotencyKey, concern.id);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", request.channel().name());
        details.put("passcode", request.issuePasscode());
        if (!checked.redactedFields().isEmpty()) {
            details.put("cprRemovedFrom", checked.redactedFields());
        }
        audit.record(viewer, AuditLog.Action.CREATE, concern.id, details);
        return new Outcome(answer(concern, passcode, checked.redactedFields()), false);
    }

    /**
     * The rules of the entry itself and intake's rules of the report, every broken one at once; a concern about a child
     * is refused as intake refuses it, before anything else is said about it.
     */
    private ConcernRules.Checked check(NewConcern request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (!request.channel().enteredByStaff()) {
            errors.add(new FieldError("channel", "field.notOneOf|" + String.join(", ",
                    Arrays.stream(Channel.values()).filter(Channel::enteredByStaff).map(Enum::name).toList())));
        }
        if (request.receivedAt() != null) {
            if (request.receivedAt().isAfter(now.plus(config.clockSkew()))) {
                errors.add(new FieldError("receivedAt", "rule.attempt.future"));
            } else if (request.receivedAt().isBefore(now.minus(config.maxAge()))) {
                errors.add(new FieldError("receivedAt", "rule.entry.receivedAt.old|" + config.maxAge().toDays()));
            }
        }
        ConcernReport asked = asTaken(request.report(), request.issuePasscode());
        ConcernRules.Checked checked = null;
        try {
            checked = rules.check(asked, null);
        } catch (ProblemException e) {
            // The report travels inside the request: its fields are named as the request names them.
            List<FieldError> inRequest = e.errors().stream()
                    .map(error -> new FieldError("report." + error.field(), error.message())).toList();
            if (e.type() != ProblemType.INVALID_FIELDS) {
                // A child is not SKP's, whatever else the request says: that answer alone, as intake gives it.
                throw new ProblemException(e.type(), e.detailKey(), inRequest, null, null);
            }
            errors.addAll(inRequest);
        }
        FieldRules.failIfAny(errors);
        return checked;
    }

    /**
     * Whether the reporter looks the status up is what the staff member asked them, whatever the report said; and
     * someone who told it in person or on the phone is answered in Danish unless the staff member noted otherwise.
     */
    private static ConcernReport asTaken(ConcernReport r, boolean statusUpdates) {
        Reporter p = r.reporter();
        Reporter reporter = p == null ? null : new Reporter(p.role(), p.anonymity(), p.name(), p.organisation(),
                p.phone(), p.email(), statusUpdates);
        return new ConcernReport(reporter, r.person(), r.whereabouts(), r.observations(), r.urgency(), r.acuteDanger(),
                r.language() != null ? r.language() : Languages.DANISH.getLanguage());
    }

    /**
     * The concern an earlier request with this key made, or null when the key is new (or expired) and now belongs to
     * this request. The passcode of the first answer is kept only as a hash, so a retry that asked for one gets a new
     * one: the first answer may never have reached the staff member. The same request removed the same CPR numbers.
     */
    private EnteredConcern earlier(Viewer viewer, String key, String requestHash, NewConcern request, Instant now,
            List<String> redactedFields) {
        idempotency.deleteOlderThan(now.minus(config.idempotencyRetention()));
        if (idempotency.claim(viewer.subject(), key, requestHash, now)) {
            return null;
        }
        EntryIdempotencyRepository.Earlier earlier = idempotency.find(viewer.subject(), key).orElseThrow();
        if (!earlier.requestHash().equals(requestHash) || earlier.concernId() == null) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, null);
        }
        ConcernEntity concern = concerns.findByIdOptional(earlier.concernId()).orElseThrow();
        String passcode = null;
        if (request.issuePasscode()) {
            passcode = Secrets.newPasscode();
            if (!reporterStatus.replacePasscode(concern.reference, passcodes.hash(passcode))) {
                passcode = null; // its status row is gone with the concern's personal data
            }
        }
        return answer(concern, passcode, redactedFields);
    }

    /** Of the checked request, so that a retry with other whitespace or field order is still the same request. */
    private static String requestHash(NewConcern request, ConcernReport checkedReport) {
        return Secrets.sha256(request.channel() + "|" + request.receivedAt() + "|" + request.issuePasscode() + "|"
                + MessageCodec.canonicalJson(checkedReport));
    }

    /**
     * A reference that no concern and no reporter's status has: intake's concerns still on the queue already have
     * their status row. 40 random bits: a clash is rare, and a second one in a row rarer still.
     */
    private String freeReference() {
        for (int i = 0; i < MAX_REFERENCE_TRIES; i++) {
            String reference = ReferenceNumber.next();
            if (concerns.findByReference(reference).isEmpty() && !reporterStatus.exists(reference)) {
                return reference;
            }
        }
        throw new IllegalStateException("no free reference after " + MAX_REFERENCE_TRIES + " tries");
    }

    private static EnteredConcern answer(ConcernEntity c, String passcode, List<String> redactedFields) {
        return new EnteredConcern(c.id, c.reference, c.channel, c.receivedAt, c.urgency, c.acuteDanger, passcode,
                redactedFields);
    }
}
