package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over concerns received in a period, from columns that survive the erasure of personal data: a concern
 * erased by retention still counts. Nothing here reads the report.
 */
@ApplicationScoped
public class StatisticsRepository {

    /** How long something took, over the concerns where it happened. */
    public record Elapsed(long concerns, Double medianSeconds) {
    }

    /** What concerns are counted by; the column names are this class's own, never a caller's text. */
    public enum Dimension {
        REPORTER_ROLE("reporter_role"), CHANNEL("channel"), STATUS("status"), TRIAGE_OUTCOME("triage_outcome"),
        CLOSING_REASON("closing_reason");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** A moment in a concern's life that statistics measure from receipt; kept when personal data is erased. */
    public enum Moment {
        FIRST_TRIAGE("first_triaged_at"), FIRST_ATTEMPT("first_attempt_at"), CONTACT_ESTABLISHED("contact_established_at");

        private final String column;

        Moment(String column) {
            this.column = column;
        }
    }

    /** The period's concerns; every count below is of these. */
    private static final String PERIOD = " FROM staff.concern WHERE received_at >= :from AND received_at < :to";

    public long received(Instant from, Instant to) {
        return ((Number) query("SELECT count(*)" + PERIOD, from, to).getSingleResult()).longValue();
    }

    /** Counts by one of the concern's coded columns; concerns without a value there are left out. */
    public Map<String, Long> countBy(Dimension dimension, Instant from, Instant to) {
        String column = dimension.column;
        return counts(query("SELECT " + column + ", count(*)" + PERIOD + " AND " + column + " IS NOT NULL GROUP BY 1",
                from, to));
    }

    /** A concern counts once for each of its target groups. */
    public Map<String, Long> countByTargetGroup(Instant from, Instant to) {
        return counts(query("SELECT g, count(*) FROM staff.concern, unnest(target_groups) AS g "
                + "WHERE received_at >= :from AND received_at < :to GROUP BY g", from, to));
    }

    /** Districts are typed at triage: counted case-insensitively, under the spelling used first. */
    public Map<String, Long> countByDistrict(Instant from, Instant to) {
        return counts(query("SELECT min(trim(district)), count(*)" + PERIOD
                + " AND district IS NOT NULL GROUP BY lower(trim(district)) ORDER BY 2 DESC, 1", from, to));
    }

    /** From receipt to {@code moment}, over the period's concerns that have reached it. */
    public Elapsed sinceReceipt(Moment moment, Instant from, Instant to) {
        String column = moment.column;
        Object[] row = (Object[]) query("SELECT count(" + column + "), percentile_cont(0.5) WITHIN GROUP "
                + "(ORDER BY extract(epoch FROM " + column + " - received_at))" + PERIOD, from, to).getSingleResult();
        return new Elapsed(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).doubleValue());
    }

    private static Query query(String sql, Instant from, Instant to) {
        return Panache.getEntityManager().createNativeQuery(sql).setParameter("from", from).setParameter("to", to);
    }

    private static Map<String, Long> counts(Query query) {
        Map<String, Long> counts = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
