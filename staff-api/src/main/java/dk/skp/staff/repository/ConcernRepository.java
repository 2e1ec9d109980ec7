package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConcernRepository implements PanacheRepositoryBase<ConcernEntity, UUID> {

    public boolean existsForMessage(UUID messageId) {
        return count("messageId", messageId) > 0;
    }

    public Optional<ConcernEntity> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /**
     * Newest first, by (receivedAt, id); {@code after} is the last row of the previous page. Seeks instead of
     * skipping, so page 500 costs what page 1 does.
     */
    public List<ConcernEntity> page(ConcernFilter filter, Instant afterReceivedAt, UUID afterId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.reference() != null) {
            query.append(" and reference = :reference");
            params.and("reference", filter.reference());
        }
        if (filter.assignedTo() != null) {
            query.append(" and assignedTo = :assignedTo");
            params.and("assignedTo", filter.assignedTo());
        }
        if (afterReceivedAt != null) {
            query.append(" and (receivedAt < :afterAt or (receivedAt = :afterAt and id < :afterId))");
            params.and("afterAt", afterReceivedAt).and("afterId", afterId);
        }
        query.append(" order by receivedAt desc, id desc");
        return find(query.toString(), params).page(0, limit).list();
    }
}
