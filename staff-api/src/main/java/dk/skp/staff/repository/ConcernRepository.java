package dk.skp.staff.repository;

import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.mail.OverdueConcern.Deadline;
import dk.skp.staff.vocabulary.Priority;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

@ApplicationScoped
public class ConcernRepository implements PanacheRepositoryBase<ConcernEntity, UUID> {

    /** Rows per JDBC batch when registering off the queue. */
    private static final int BATCH_SIZE = 100;

    /** Which of these queue message ids are registered already, in one query; a set the caller may add to. */
    public Set<UUID> registeredMessageIds(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("SELECT c.messageId FROM ConcernEntity c WHERE c.messageId IN :ids", UUID.class)
                .setParameter("ids", messageIds)
                .getResultList());
    }

    /**
     * Inserts new concerns with JDBC batching (multi-row inserts: reWriteBatchedInserts in application.properties)
     * and flushes them, so that a batch off the queue costs a few round trips instead of one per concern.
     */
    public void persistBatched(List<ConcernEntity> fresh) {
        Session session = getEntityManager().unwrap(Session.class);
        Integer before = session.getJdbcBatchSize();
        session.setJdbcBatchSize(BATCH_SIZE);
        try {
            for (ConcernEntity concern : fresh) {
                session.persist(concern);
            }
            session.flush();
        } finally {
            session.setJdbcBatchSize(before);
        }
    }

    public Optional<ConcernEntity> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /**
     * Newest first, by (receivedAt, id); {@code after} is the last row of the previous page. Seeks instead of
     * skipping, so page 500 costs what page 1 does.
     */
    public List<ListedConcern> page(ConcernFilter filter, Instant afterReceivedAt, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder(LISTED).append(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" AND c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.reference() != null) {
            sql.append(" AND c.reference = ?");
            params.add(filter.reference());
        }
        if (filter.assignedTo() != null) {
            sql.append(" AND c.assigned_to = ?");
            params.add(filter.assignedTo());
        }
        if (filter.priority() != null) {
            sql.append(" AND c.priority = ?");
            params.add(filter.priority().name());
        }
        if (filter.district() != null) {
            sql.append(" AND lower(c.district) = lower(?)");
            params.add(filter.district());
        }
        if (filter.claimable()) {
            sql.append(" AND c.status = ? AND c.assigned_to IS NULL");
            params.add(ConcernStatus.TRIAGED.name());
        }
        if (filter.openOnly()) {
            sql.append(" AND c.ended_at IS NULL");
        }
        if (afterReceivedAt != null) {
            sql.append(" AND (c.received_at < ? OR (c.received_at = ? AND c.id < ?))");
            params.addAll(List.of(afterReceivedAt, afterReceivedAt, afterId));
        }
        sql.append(" ORDER BY c.received_at DESC, c.id DESC LIMIT ?");
        params.add(limit);
        return listed(sql.toString(), params);
    }

    /**
     * Deadlines missed at {@code now} (open, and {@code due <= now}), oldest first by (due, concern id, deadline), one
     * row per missed deadline. Each branch reads its partial index on the open deadlines only.
     *
     * @param assignedTo only concerns assigned to this subject; {@code null} for all
     * @param afterDue   with {@code afterId} and {@code afterMissed}: the last row of the previous page; {@code null}
     *                   for the first page
     * @param limit      at most this many rows; {@code null} for all of them
     */
    public List<OverdueDeadline> overdue(Instant now, String assignedTo, Instant afterDue, UUID afterId,
            Deadline afterMissed, Integer limit) {
        // Each kind of deadline is read in its index's order (due, id) and cut at the page, then the two are merged:
        // a page costs the same however many deadlines are missed.
        StringBuilder sql = new StringBuilder("SELECT o.id, o.reference, o.status, o.missed, o.due_at, o.assigned_to,"
                + " o.priority, o.urgency, o.acute_danger FROM (");
        sql.append(overdueBranch("TRIAGE", "triage_due_at", assignedTo != null, afterDue != null, limit != null));
        sql.append(" UNION ALL ");
        sql.append(overdueBranch("FIRST_ATTEMPT", "first_attempt_due_at", assignedTo != null, afterDue != null, limit != null));
        sql.append(") o ORDER BY o.due_at, o.id, o.missed");
        if (limit != null) {
            sql.append(" LIMIT :limit");
        }
        Query query = getEntityManager().createNativeQuery(sql.toString()).setParameter("now", now);
        if (assignedTo != null) {
            query.setParameter("assignedTo", assignedTo);
        }
        if (afterDue != null) {
            query.setParameter("afterDue", afterDue).setParameter("afterId", afterId)
                    .setParameter("afterMissed", afterMissed.name());
        }
        if (limit != null) {
            query.setParameter("limit", limit);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(ConcernRepository::overdueDeadline).toList();
    }

    /** One kind of deadline, missed at :now, in (due, id) order; the keyset on (due, id, missed) as the whole list. */
    private static String overdueBranch(String missed, String due, boolean assignedTo, boolean after, boolean limited) {
        StringBuilder sql = new StringBuilder("(SELECT id, reference, status, '").append(missed).append("' AS missed, ")
                .append(due).append(" AS due_at, assigned_to, priority, urgency, acute_danger FROM staff.concern WHERE ")
                .append(due).append(" <= :now");
        if (assignedTo) {
            // A contact person's own: only while the work goes on (see ConcernAccess).
            sql.append(" AND assigned_to = :assignedTo AND ended_at IS NULL");
        }
        if (after) {
            // The first condition is what the index seeks; the second is the exact keyset.
            sql.append(" AND (").append(due).append(", id) >= (:afterDue, :afterId) AND (").append(due)
                    .append(", id, '").append(missed).append("') > (:afterDue, :afterId, :afterMissed)");
        }
        sql.append(" ORDER BY ").append(due).append(", id");
        if (limited) {
            sql.append(" LIMIT :limit");
        }
        return sql.append(")").toString();
    }

    private static OverdueDeadline overdueDeadline(Object[] row) {
        return new OverdueDeadline(row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString()),
                (String) row[1], ConcernStatus.valueOf((String) row[2]), Deadline.valueOf((String) row[3]),
                NativeColumns.instant(row[4]), (String) row[5], row[6] == null ? null : Priority.valueOf((String) row[6]),
                Urgency.valueOf((String) row[7]), (Boolean) row[8]);
    }


    /** The due time of an open concern without an open deadline: after every real one. */
    public static final Instant NO_DUE = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * Open concerns (the work not ended), most pressing first: rank (see {@link InboxRow#rank()}), then the earliest
     * open deadline, then the oldest. Keyset paging on (rank, due, receivedAt, id); {@code after} is the last row of the
     * previous page or null.
     */
    @SuppressWarnings("unchecked")
    public List<InboxRow> inbox(Instant now, Instant soon, InboxRow after, int limit) {
        String sql = """
                SELECT id, rank, due, received_at FROM (
                  SELECT id, received_at,
                         CASE WHEN acute_danger AND status IN ('RECEIVED', 'REOPENED', 'TRIAGED') THEN 0
                              WHEN urgency = 'URGENT' AND status IN ('RECEIVED', 'REOPENED', 'TRIAGED') THEN 1
                              WHEN least(triage_due_at, first_attempt_due_at) <= :now THEN 2
                              WHEN least(triage_due_at, first_attempt_due_at) <= :soon THEN 3
                              WHEN status IN ('RECEIVED', 'REOPENED', 'TRIAGED') THEN 4
                              ELSE 5 END AS rank,
                         coalesce(least(triage_due_at, first_attempt_due_at), :noDue) AS due
                    FROM staff.concern WHERE ended_at IS NULL) i
                """ + (after == null ? "" : " WHERE (rank, due, received_at, id) > (:afterRank, :afterDue, :afterAt, :afterId)")
                + " ORDER BY rank, due, received_at, id LIMIT :limit";
        Query query = getEntityManager().createNativeQuery(sql).setParameter("now", now).setParameter("soon", soon)
                .setParameter("noDue", NO_DUE).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("afterRank", after.rank()).setParameter("afterDue", after.due())
                    .setParameter("afterAt", after.receivedAt()).setParameter("afterId", after.id());
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new InboxRow(row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString()),
                        ((Number) row[1]).intValue(), NativeColumns.instant(row[2]), NativeColumns.instant(row[3])))
                .toList();
    }

    /**
     * A concern's place in the inbox.
     *
     * @param rank 0 acute danger, 1 urgent (both while waiting for triage or a contact person), 2 a deadline missed, 3 a
     *             deadline within a day, 4 waiting for triage or a contact person, 5 with a contact person, nothing due
     *             (the order of {@code Inbox.Attention})
     * @param due  its earliest open deadline, {@link #NO_DUE} when none
     */
    public record InboxRow(UUID id, int rank, Instant due, Instant receivedAt) {
    }

    /**
     * What lists show of a concern: its summary's columns, the name of the contact person who holds it and of the report
     * only the postcode (its search column) and the indicators, read by plain JDBC on the transaction's connection. No
     * entities are loaded, so no report is parsed and no snapshot is kept for a flush to compare. It reads the database
     * as it is: changes not flushed yet are not in it (lists run in transactions of their own that change no concern).
     */
    private static final String LISTED = "SELECT c.id, c.reference, c.status, c.urgency, c.acute_danger, c.channel,"
            + " c.received_at, c.priority, c.target_groups, c.district, c.assigned_to,"
            + " (SELECT p.name FROM staff.contact_person p WHERE p.subject = c.assigned_to),"
            + " c.triage_due_at, c.first_attempt_due_at, c.version, c.ended_at, c.search_postcode,"
            + " CASE WHEN jsonb_typeof(c.report #> '{observations,indicators}') = 'array'"
            + " THEN ARRAY(SELECT jsonb_array_elements_text(c.report #> '{observations,indicators}')) END"
            + " FROM staff.concern c";

    /**
     * The concerns of these ids as lists show them, by id; those that do not exist are left out. One query whose text
     * is the same for any number of ids (they go as one array), so the driver and PostgreSQL prepare it once.
     */
    public Map<UUID, ListedConcern> listed(List<UUID> ids) {
        Map<UUID, ListedConcern> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            listed(LISTED + " WHERE c.id = ANY (?)", List.of(Jdbc.array("uuid", ids))).forEach(row -> byId.put(row.id(), row));
        }
        return byId;
    }

    private List<ListedConcern> listed(String sql, List<Object> params) {
        return Jdbc.query(getEntityManager(), sql, params, r -> new ListedConcern(r.getObject(1, UUID.class), r.getString(2),
                ConcernStatus.valueOf(r.getString(3)), Urgency.valueOf(r.getString(4)), r.getBoolean(5),
                Channel.valueOf(r.getString(6)), instant(r, 7), r.getString(8) == null ? null : Priority.valueOf(r.getString(8)),
                codes(r, 9, TargetGroup::valueOf), r.getString(10), r.getString(11), r.getString(12), instant(r, 13),
                instant(r, 14), r.getLong(15), instant(r, 16), r.getString(17), orEmpty(codes(r, 18, Indicator::valueOf))));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A text array of codes as a list (null for SQL NULL), as Hibernate reads an array of enums by name. */
    private static <T> List<T> codes(ResultSet r, int column, Function<String, T> code) throws SQLException {
        Array array = r.getArray(column);
        if (array == null) {
            return null;
        }
        try {
            List<T> codes = new ArrayList<>();
            for (Object name : (Object[]) array.getArray()) {
                codes.add(name == null ? null : code.apply((String) name));
            }
            return codes;
        } finally {
            array.free();
        }
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
