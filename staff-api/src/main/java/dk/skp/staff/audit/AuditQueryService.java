package dk.skp.staff.audit;

import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.Slice;
import dk.skp.staff.repository.AuditEventEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.audit.AuditViews.AuditCriteria;
import dk.skp.staff.audit.AuditViews.AuditEntry;
import dk.skp.staff.audit.AuditViews.AuditPage;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading the audit trail, e.g. to answer a data subject's access request: who saw or changed this concern, and when.
 * Reading it is itself audited, with the criteria, in the same transaction.
 */
@ApplicationScoped
public class AuditQueryService {

    public static final int MAX_PAGE_SIZE = 100;

    /** Matches no concern: what a reference that names none stands for. */
    private static final UUID NO_CONCERN = new UUID(0, 0);

    private final AuditLog audit;
    private final ConcernRepository concerns;

    public AuditQueryService(AuditLog audit, ConcernRepository concerns) {
        this.audit = audit;
        this.concerns = concerns;
    }

    /** Oldest first, by (occurredAt, id); seeks instead of skipping, so a long trail pages as fast as a short one. */
    @Transactional
    public AuditPage list(Viewer admin, AuditCriteria criteria, String after, int limit) {
        AuditCursor cursor = AuditCursor.decode(after);
        StringBuilder jpql = new StringBuilder("from AuditEventEntity where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        UUID concernId = criteria.reference() == null ? criteria.concernId()
                : concerns.findByReference(criteria.reference()).map(c -> c.id).orElse(NO_CONCERN);
        if (concernId != null) {
            jpql.append(" and concernId = :concern");
            params.put("concern", concernId);
        }
        if (criteria.actor() != null) {
            jpql.append(" and actor = :actor");
            params.put("actor", criteria.actor());
        }
        if (criteria.from() != null) {
            jpql.append(" and occurredAt >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            jpql.append(" and occurredAt < :to");
            params.put("to", criteria.to());
        }
        if (cursor != null) {
            jpql.append(" and (occurredAt > :afterAt or (occurredAt = :afterAt and id > :afterId))");
            params.put("afterAt", cursor.occurredAt());
            params.put("afterId", cursor.id());
        }
        jpql.append(" order by occurredAt, id");
        TypedQuery<AuditEventEntity> query = Panache.getEntityManager().createQuery(jpql.toString(), AuditEventEntity.class);
        params.forEach(query::setParameter);
        Slice<AuditEventEntity> page = Slice.of(query.setMaxResults(limit + 1).getResultList(), limit);

        Map<String, Object> asked = new LinkedHashMap<>();
        if (criteria.concernId() != null) {
            asked.put("concern", criteria.concernId().toString());
        }
        if (criteria.reference() != null) {
            asked.put("reference", criteria.reference());
        }
        if (criteria.actor() != null) {
            asked.put("actor", criteria.actor());
        }
        if (criteria.from() != null) {
            asked.put("from", criteria.from().toString());
        }
        if (criteria.to() != null) {
            asked.put("to", criteria.to().toString());
        }
        page.describe(asked, after, limit);
        // On the concern itself, so that the concern's own trail shows who looked at its trail.
        audit.record(admin, AuditLog.Action.AUDIT_READ, NO_CONCERN.equals(concernId) ? null : concernId, asked);

        return new AuditPage(page.rows().stream().map(AuditQueryService::entry).toList(),
                page.next(last -> new AuditCursor(last.occurredAt, last.id).encode()));
    }

    private static AuditEntry entry(AuditEventEntity e) {
        List<String> roles = e.actorRoles == null || e.actorRoles.isEmpty() ? List.of()
                : Arrays.asList(e.actorRoles.split(","));
        return new AuditEntry(e.id, e.occurredAt, e.actor, e.actorName, roles, e.action, e.concernId, e.details);
    }
}
