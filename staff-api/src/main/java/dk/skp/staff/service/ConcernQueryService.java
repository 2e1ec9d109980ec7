package dk.skp.staff.service;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernFilter;
import dk.skp.staff.repository.ConcernRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading concerns. Every read and every search is audited in the same transaction. */
@ApplicationScoped
public class ConcernQueryService {

    public static final int MAX_PAGE_SIZE = 100;

    private final ConcernRepository concerns;
    private final AuditLog audit;

    public ConcernQueryService(ConcernRepository concerns, AuditLog audit) {
        this.concerns = concerns;
        this.audit = audit;
    }

    @Transactional
    public ConcernPage list(Viewer viewer, ConcernFilter requested, String after, int limit) {
        PageCursor cursor = PageCursor.decode(after);
        ConcernFilter filter = viewer.seesAllConcerns() ? requested
                : new ConcernFilter(requested.status(), requested.reference(), viewer.subject());
        List<ConcernEntity> rows = concerns.page(filter, cursor == null ? null : cursor.receivedAt(),
                cursor == null ? null : cursor.id(), limit + 1);
        boolean more = rows.size() > limit;
        List<ConcernEntity> page = more ? rows.subList(0, limit) : rows;

        Map<String, Object> criteria = new LinkedHashMap<>();
        if (filter.status() != null) {
            criteria.put("status", filter.status().name());
        }
        if (filter.reference() != null) {
            criteria.put("reference", filter.reference());
        }
        if (filter.assignedTo() != null) {
            criteria.put("assignedTo", filter.assignedTo());
        }
        criteria.put("after", after);
        criteria.put("limit", limit);
        criteria.put("results", page.size());
        audit.record(viewer, AuditLog.Action.SEARCH, null, criteria);

        ConcernEntity last = more ? page.get(page.size() - 1) : null;
        return new ConcernPage(page.stream().map(ConcernQueryService::summary).toList(),
                last == null ? null : new PageCursor(last.receivedAt, last.id).encode());
    }

    /** A contact person asking for a concern that is not theirs gets the same answer as for one that does not exist. */
    @Transactional
    public ConcernDetails get(Viewer viewer, UUID id) {
        ConcernEntity concern = concerns.findByIdOptional(id)
                .filter(c -> viewer.seesAllConcerns() || viewer.subject().equals(c.assignedTo))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "concern.notFound"));
        audit.record(viewer, AuditLog.Action.READ, concern.id, null);
        return details(concern);
    }

    private static ConcernSummary summary(ConcernEntity c) {
        return new ConcernSummary(c.id, c.reference, c.status, c.urgency, c.acuteDanger, c.channel, c.receivedAt);
    }

    private static ConcernDetails details(ConcernEntity c) {
        return new ConcernDetails(c.id, c.reference, c.status, c.urgency, c.acuteDanger, c.channel, c.partnerId,
                c.receivedAt, c.registeredAt, c.assignedTo, c.version, c.report);
    }
}
