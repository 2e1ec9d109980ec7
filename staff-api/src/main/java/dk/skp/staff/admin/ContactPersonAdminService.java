package dk.skp.staff.admin;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ContactPersonEntity;
import dk.skp.staff.repository.ContactPersonRepository;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.admin.ContactPersonViews.ContactPerson;
import dk.skp.staff.admin.ContactPersonViews.ContactPersonUpdate;
import dk.skp.staff.admin.ContactPersonViews.NewContactPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/** The team's contact persons, kept by an admin: who they are, where they go, how much they can hold. */
@ApplicationScoped
public class ContactPersonAdminService {

    private static final Logger LOG = Logger.getLogger(ContactPersonAdminService.class);

    private final ContactPersonRepository contactPersons;
    private final ConcernRepository concerns;
    private final Clock clock;
    private final StaffConfig config;
    private final AuditLog audit;

    public ContactPersonAdminService(ContactPersonRepository contactPersons, ConcernRepository concerns, Clock clock,
            StaffConfig config, AuditLog audit) {
        this.audit = audit;
        this.contactPersons = contactPersons;
        this.concerns = concerns;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public List<ContactPerson> list() {
        Map<String, Long> open = concerns.openCountsByAssignee();
        LocalDate today = today();
        return contactPersons.allByName().stream()
                .map(p -> view(p, open.getOrDefault(p.subject, 0L), today)).toList();
    }

    @Transactional
    public ContactPerson get(UUID id) {
        ContactPersonEntity person = existing(id);
        return view(person, concerns.countOpenAssignedTo(person.subject), today());
    }

    @Transactional
    public ContactPerson create(Viewer admin, NewContactPerson request) {
        String subject = request.subject().strip();
        if (contactPersons.findBySubject(subject).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "contactPerson.exists");
        }
        ContactPersonEntity person = new ContactPersonEntity();
        person.id = UUID.randomUUID();
        person.subject = subject;
        person.createdAt = clock.instant();
        apply(person, request.name(), request.email(), request.districts(), request.capacity(), request.absentUntil());
        try {
            contactPersons.persistAndFlush(person);
        } catch (PersistenceException e) {
            if (causedBy(e, ConstraintViolationException.class)) {
                // Another admin registered the same subject between the check above and this insert.
                throw new ProblemException(ProblemType.CONFLICT, "contactPerson.exists");
            }
            throw e;
        }
        audit.record(admin, AuditLog.Action.CONTACT_PERSON_ADDED, null, about(person));
        LOG.infof("%s added contact person %s", admin.subject(), person.id);
        return view(person, 0, today());
    }

    @Transactional
    public ContactPerson update(Viewer admin, UUID id, ContactPersonUpdate request) {
        ContactPersonEntity person = existing(id);
        List<Object> before = List.of(person.name, person.email, person.districts, person.capacity,
                java.util.Objects.toString(person.absentUntil));
        apply(person, request.name(), request.email(), request.districts(), request.capacity(), request.absentUntil());
        List<Object> after = List.of(person.name, person.email, person.districts, person.capacity,
                java.util.Objects.toString(person.absentUntil));
        List<String> names = List.of("name", "email", "districts", "capacity", "absentUntil");
        Map<String, Object> details = about(person);
        details.put("changed", java.util.stream.IntStream.range(0, names.size())
                .filter(i -> !before.get(i).equals(after.get(i))).mapToObj(names::get).toList());
        audit.record(admin, AuditLog.Action.CONTACT_PERSON_CHANGED, null, details);
        LOG.infof("%s changed contact person %s", admin.subject(), person.id);
        return view(person, concerns.countOpenAssignedTo(person.subject), today());
    }

    /** Refused while they hold open concerns: those must go to someone else first, or nobody would have them. */
    @Transactional
    public void delete(Viewer admin, UUID id) {
        ContactPersonEntity person = existing(id);
        if (concerns.countOpenAssignedTo(person.subject) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "contactPerson.hasOpenConcerns");
        }
        contactPersons.delete(person);
        audit.record(admin, AuditLog.Action.CONTACT_PERSON_REMOVED, null, about(person));
        LOG.infof("%s removed contact person %s", admin.subject(), id);
    }

    private static Map<String, Object> about(ContactPersonEntity person) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("contactPerson", person.id.toString());
        details.put("subject", person.subject);
        return details;
    }

    private ContactPersonEntity existing(UUID id) {
        return contactPersons.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "contactPerson.notFound"));
    }

    private static void apply(ContactPersonEntity person, String name, String email, List<String> districts,
            int capacity, LocalDate absentUntil) {
        person.name = name.strip();
        person.email = email.strip();
        person.districts = districts == null ? List.of()
                : districts.stream().map(String::strip).distinct().toList();
        person.capacity = capacity;
        person.absentUntil = absentUntil;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    private static ContactPerson view(ContactPersonEntity p, long open, LocalDate today) {
        return new ContactPerson(p.id, p.subject, p.name, p.email, p.districts, p.capacity, open, p.absentUntil,
                p.absentOn(today), p.createdAt);
    }
}
