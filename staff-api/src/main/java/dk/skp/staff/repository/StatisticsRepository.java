package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over concerns received in a period, from columns that survive the erasure of personal data: a concern
 * erased by retention still counts. Nothing here reads the report. Three passes over the period's rows, whatever
 * the number of counts: one for every coded column at once (grouping sets), one for the target groups (a concern
 * may have several), one for the medians.
 */
@ApplicationScoped
public class StatisticsRepository {

    /** How long something took, over the concerns where it happened. */
    public record Elapsed(long concerns, Double medianSeconds) {
    }

    /** What concerns are counted by. */
    public enum Dimension {
        REPORTER_ROLE, CHANNEL, STATUS, TRIAGE_OUTCOME, CLOSING_REASON,
        /** Typed at triage: counted case-insensitively, under the spelling that sorts first. */
        DISTRICT
    }

    /** A moment in a concern's life that statistics measure from receipt; kept when personal data is erased. */
    public enum Moment {
        FIRST_TRIAGE, FIRST_ATTEMPT, CONTACT_ESTABLISHED
    }

    /** The period's concerns, and how many of them have each value of each dimension (no value: not counted). */
    public record Counts(long received, Map<Dimension, Map<String, Long>> by) {
    }

    /** The period's concerns; every figure below is of these. */
    private static final String PERIOD = " FROM staff.concern WHERE received_at >= :from AND received_at < :to ";

    public Counts counts(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("""
                SELECT CASE WHEN GROUPING(reporter_role) = 0 THEN 'REPORTER_ROLE'
                            WHEN GROUPING(channel) = 0 THEN 'CHANNEL'
                            WHEN GROUPING(status) = 0 THEN 'STATUS'
                            WHEN GROUPING(triage_outcome) = 0 THEN 'TRIAGE_OUTCOME'
                            WHEN GROUPING(closing_reason) = 0 THEN 'CLOSING_REASON'
                            WHEN GROUPING(lower(trim(district))) = 0 THEN 'DISTRICT' END,
                       CASE WHEN GROUPING(reporter_role) = 0 THEN reporter_role
                            WHEN GROUPING(channel) = 0 THEN channel
                            WHEN GROUPING(status) = 0 THEN status
                            WHEN GROUPING(triage_outcome) = 0 THEN triage_outcome
                            WHEN GROUPING(closing_reason) = 0 THEN closing_reason
                            WHEN GROUPING(lower(trim(district))) = 0 THEN min(trim(district)) END,
                       count(*)""" + PERIOD + """
                 GROUP BY GROUPING SETS ((reporter_role), (channel), (status), (triage_outcome), (closing_reason),
                                         (lower(trim(district))), ())""", from, to).getResultList();
        long received = 0;
        Map<Dimension, Map<String, Long>> by = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            by.put(dimension, new LinkedHashMap<>());
        }
        for (Object[] row : rows) {
            long count = ((Number) row[2]).longValue();
            if (row[0] == null) {
                received = count; // the empty grouping set: every concern of the period
            } else if (row[1] != null) {
                by.get(Dimension.valueOf((String) row[0])).put((String) row[1], count);
            }
        }
        by.put(Dimension.DISTRICT, mostFirst(by.get(Dimension.DISTRICT)));
        return new Counts(received, by);
    }

    /** A concern counts once for each of its target groups. */
    public Map<String, Long> countByTargetGroup(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("SELECT g, count(*) FROM staff.concern, unnest(target_groups) AS g "
                + "WHERE received_at >= :from AND received_at < :to GROUP BY g", from, to).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** From receipt to each moment, over the period's concerns that have reached it. */
    public Map<Moment, Elapsed> sinceReceipt(Instant from, Instant to) {
        Object[] row = (Object[]) query("""
                SELECT count(first_triaged_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_triaged_at - received_at)),
                       count(first_attempt_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_attempt_at - received_at)),
                       count(contact_established_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM contact_established_at - received_at))
                """ + PERIOD, from, to).getSingleResult();
        Map<Moment, Elapsed> elapsed = new EnumMap<>(Moment.class);
        for (Moment moment : Moment.values()) {
            int column = moment.ordinal() * 2;
            elapsed.put(moment, new Elapsed(((Number) row[column]).longValue(),
                    row[column + 1] == null ? null : ((Number) row[column + 1]).doubleValue()));
        }
        return elapsed;
    }

    /** The citizens' say among the period's concerns now CLOSED, from codes that survive erasure. */
    public record ConsentCounts(long handedOverWithConsent, long dataSharingConsented, long declined,
            Map<String, Long> handedOverByService, Map<String, Long> declinedByService) {
    }

    public ConsentCounts consent(Instant from, Instant to) {
        Object[] totals = (Object[]) query("""
                SELECT count(*) FILTER (WHERE closing_reason = 'HANDED_OVER' AND consent_agreed),
                       count(*) FILTER (WHERE closing_reason = 'HANDED_OVER' AND consent_agreed AND consent_data_sharing),
                       count(*) FILTER (WHERE closing_reason = 'DECLINED')
                """ + PERIOD + " AND status = 'CLOSED'", from, to).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("SELECT closing_reason, s, count(*) FROM staff.concern, unnest(consent_services) AS s "
                + "WHERE received_at >= :from AND received_at < :to AND status = 'CLOSED' "
                + "AND closing_reason IN ('HANDED_OVER', 'DECLINED') GROUP BY closing_reason, s", from, to).getResultList();
        Map<String, Long> handedOver = new LinkedHashMap<>();
        Map<String, Long> declined = new LinkedHashMap<>();
        for (Object[] row : rows) {
            ("HANDED_OVER".equals(row[0]) ? handedOver : declined).put((String) row[1], ((Number) row[2]).longValue());
        }
        return new ConsentCounts(((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(),
                ((Number) totals[2]).longValue(), handedOver, declined);
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static Query query(String sql, Instant from, Instant to) {
        return Panache.getEntityManager().createNativeQuery(sql).setParameter("from", from).setParameter("to", to);
    }
}
