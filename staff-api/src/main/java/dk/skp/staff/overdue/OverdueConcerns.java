package dk.skp.staff.overdue;

import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.Deadlines;
import dk.skp.staff.core.Slice;
import dk.skp.staff.mail.OverdueConcern;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ContactPersonRepository;
import dk.skp.staff.repository.OverdueDeadline;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Concerns past a deadline (see {@link Deadlines}): the one place that says what is overdue, for the list staff read and
 * for the digest mail.
 */
@ApplicationScoped
public class OverdueConcerns {

    public static final int MAX_PAGE_SIZE = 100;

    private final ConcernRepository concerns;
    private final ContactPersonRepository contactPersons;
    private final AuditLog audit;
    private final Clock clock;

    public OverdueConcerns(ConcernRepository concerns, ContactPersonRepository contactPersons, AuditLog audit, Clock clock) {
        this.concerns = concerns;
        this.contactPersons = contactPersons;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Missed deadlines now, the longest overdue first. Coordinators see all; a contact person only the concerns assigned
     * to them. Audited as a search, with its criteria, like the other lists.
     */
    @Transactional
    public OverduePage page(Viewer viewer, String after, int limit) {
        OverdueCursor cursor = OverdueCursor.decode(after);
        String assignedTo = viewer.seesAllConcerns() ? null : viewer.subject();
        Slice<OverdueDeadline> page = Slice.of(concerns.overdue(clock.instant(), assignedTo,
                cursor == null ? null : cursor.dueAt(), cursor == null ? null : cursor.concernId(),
                cursor == null ? null : cursor.missed(), limit + 1), limit);

        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("overdue", true);
        if (assignedTo != null) {
            criteria.put("assignedTo", assignedTo);
        }
        page.describe(criteria, after, limit);
        audit.record(viewer, AuditLog.Action.SEARCH, null, criteria);

        Map<String, String> names = contactPersons.namesBySubject(page.rows().stream().map(OverdueDeadline::assignedTo).toList());
        return new OverduePage(page.rows().stream().map(o -> item(o, names.get(o.assignedTo()))).toList(),
                page.next(last -> new OverdueCursor(last.dueAt(), last.concernId(), last.missed()).encode()));
    }

    /** Every deadline missed at {@code now}, the longest overdue first, as the digest lists them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OverdueConcern> all(Instant now) {
        return concerns.overdue(now, null, null, null, null, null).stream()
                .map(o -> new OverdueConcern(o.reference(), o.concernId(), o.missed()))
                .toList();
    }

    private static OverdueItem item(OverdueDeadline o, String assignedToName) {
        return new OverdueItem(o.concernId(), o.reference(), o.status(), o.missed(), o.dueAt(), o.assignedTo(),
                assignedToName, o.priority(), o.urgency(), o.acuteDanger());
    }
}
