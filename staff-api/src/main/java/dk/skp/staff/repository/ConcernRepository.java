package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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
        if (filter.priority() != null) {
            query.append(" and priority = :priority");
            params.and("priority", filter.priority());
        }
        if (filter.district() != null) {
            query.append(" and lower(district) = lower(:district)");
            params.and("district", filter.district());
        }
        if (filter.claimable()) {
            query.append(" and status = :claimableStatus and assignedTo is null");
            params.and("claimableStatus", ConcernStatus.TRIAGED);
        }
        if (afterReceivedAt != null) {
            query.append(" and (receivedAt < :afterAt or (receivedAt = :afterAt and id < :afterId))");
            params.and("afterAt", afterReceivedAt).and("afterId", afterId);
        }
        query.append(" order by receivedAt desc, id desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    /** The concerns of one link group, oldest first: the order in which the team heard of the person. */
    public List<ConcernEntity> inLinkGroup(UUID linkGroup) {
        return list("linkGroup = ?1 order by receivedAt, id", linkGroup);
    }

    /** Open concerns per contact person's subject: what their capacity is measured against. */
    public Map<String, Long> openCountsByAssignee() {
        return getEntityManager().createQuery("""
                select c.assignedTo, count(c) from ConcernEntity c
                 where c.assignedTo is not null and c.status in :open group by c.assignedTo""", Object[].class)
                .setParameter("open", openStatuses())
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    public long countOpenAssignedTo(String subject) {
        return count("assignedTo = ?1 and status in ?2", subject, openStatuses());
    }

    private static List<ConcernStatus> openStatuses() {
        return Arrays.stream(ConcernStatus.values()).filter(s -> !s.ended()).toList();
    }
}
