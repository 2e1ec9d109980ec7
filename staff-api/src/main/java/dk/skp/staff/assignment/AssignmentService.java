package dk.skp.staff.assignment;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.ConcernAccess;
import dk.skp.staff.core.ConcernChanges;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ConcernMapper;
import dk.skp.staff.core.FieldRules;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.repository.ContactPersonEntity;
import dk.skp.staff.mail.StaffMail;
import dk.skp.staff.repository.ContactPersonRepository;
import dk.skp.staff.core.ConcernCommands.AssignTo;
import dk.skp.staff.core.ConcernViews.AssignmentSuggestion;
import dk.skp.staff.core.Lifecycle.Move;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who holds a concern: a coordinator assigns, reassigns and unassigns; a contact person may claim. */
@ApplicationScoped
public class AssignmentService {

    private final ConcernRepository concerns;
    private final ContactPersonRepository contactPersons;
    private final StaffMail mail;
    private final ConcernAccess access;
    private final ConcernChanges changes;
    private final ConcernMapper mapper;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffConfig config;

    public AssignmentService(ConcernRepository concerns, ContactPersonRepository contactPersons, ConcernAccess access,
            ConcernChanges changes, ConcernMapper mapper, AuditLog audit, Clock clock, StaffConfig config, StaffMail mail) {
        this.mail = mail;
        this.concerns = concerns;
        this.contactPersons = contactPersons;
        this.access = access;
        this.changes = changes;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** Assigns, or reassigns when someone holds it already; the lifecycle table says which statuses allow either. */
    @Transactional
    public ConcernDetails assign(Viewer viewer, UUID id, long expectedVersion, AssignTo request) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        ConcernStatus before = changes.move(concern, Move.ASSIGN);
        ContactPersonEntity person = contactPersons.findByIdOptional(request.contactPersonId())
                .orElseThrow(() -> FieldRules.invalid("contactPersonId", "rule.assign.contactPerson"));
        Map<String, Object> details = new LinkedHashMap<>();
        if (concern.assignedTo != null) {
            details.put("previous", concern.assignedTo);
        }
        details.put("assignedTo", person.subject);
        holdBy(concern, person.subject);
        changes.record(viewer, concern, before, AuditLog.Action.ASSIGN, details);
        if (person.email != null && !person.email.isBlank()) {
            // Reference and link only; written to the outbox in this transaction, sent when it commits.
            mail.assignmentNotice(person.email, concern.reference, concern.id, mail.language());
        }
        return mapper.details(viewer, concern);
    }

    @Transactional
    public ConcernDetails unassign(Viewer viewer, UUID id, long expectedVersion) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        ConcernStatus before = changes.move(concern, Move.UNASSIGN);
        String previous = concern.assignedTo;
        concern.assignedTo = null;
        concern.assignedAt = null;
        changes.record(viewer, concern, before, AuditLog.Action.UNASSIGN, Map.of("previous", previous));
        return mapper.details(viewer, concern);
    }

    /** A contact person takes a triaged concern that nobody holds. Only registered contact persons can hold one. */
    @Transactional
    public ConcernDetails claim(Viewer viewer, UUID id, long expectedVersion) {
        if (contactPersons.findBySubject(viewer.subject()).isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "contactPerson.notRegistered");
        }
        ConcernEntity concern = access.claimable(viewer, id, expectedVersion);
        ConcernStatus before = changes.move(concern, Move.CLAIM);
        holdBy(concern, viewer.subject());
        changes.record(viewer, concern, before, AuditLog.Action.CLAIM, Map.of());
        return mapper.details(viewer, concern);
    }

    private void holdBy(ConcernEntity concern, String subject) {
        concern.assignedTo = subject;
        concern.assignedAt = clock.instant();
    }

    /**
     * Every contact person, best fit first: present before absent (an absent one cannot go out), own district before
     * others (outreach is local knowledge), then most free capacity, then by name so the order is stable.
     */
    @Transactional
    public List<AssignmentSuggestion> suggestions(Viewer viewer, UUID id) {
        ConcernEntity concern = access.readable(viewer, id);
        Map<String, Long> open = concerns.openCountsByAssignee();
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        record Candidate(ContactPersonEntity person, boolean districtMatch, long open, boolean absent) {
            long free() {
                return person.capacity - open;
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ContactPersonEntity person : contactPersons.allByName()) {
            boolean match = concern.district != null
                    && person.districts.stream().anyMatch(d -> d.equalsIgnoreCase(concern.district));
            candidates.add(new Candidate(person, match, open.getOrDefault(person.subject, 0L), person.absentOn(today)));
        }
        candidates.sort(Comparator.comparing(Candidate::absent)
                .thenComparing(Candidate::districtMatch, Comparator.reverseOrder())
                .thenComparing(Candidate::free, Comparator.reverseOrder())
                .thenComparing(c -> c.person().name));
        audit.record(viewer, AuditLog.Action.SUGGESTIONS_READ, concern.id, Map.of("candidates", candidates.size()));
        List<AssignmentSuggestion> ranked = new ArrayList<>();
        for (Candidate c : candidates) {
            ContactPersonEntity p = c.person();
            ranked.add(new AssignmentSuggestion(ranked.size() + 1, p.id, p.subject, p.name, c.districtMatch(),
                    p.capacity, c.open(), c.free(), p.absentUntil, c.absent(), p.subject.equals(concern.assignedTo)));
        }
        return ranked;
    }
}
