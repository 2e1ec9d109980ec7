package dk.skp.staff.statistics;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over concerns received in a period, from columns that survive the erasure of personal data: a concern
 * erased by retention still counts. Nothing here reads the report.
 * <p>
 * The counts come from {@code staff.concern_tally} (V27): per day of receipt (UTC), how many concerns have each value
 * of each figure, kept by triggers in the same transaction as every change of a concern, so always exact. A period
 * reads the month rows ({@code staff.concern_tally_month}, V31, kept by {@link #compact}) of its whole UTC months with
 * their day rows not yet folded, the day rows of its other whole UTC days, and the concerns themselves for the hours
 * at either end that are not a whole UTC day (a period in the municipality's time zone starts and ends at its
 * midnight), or for the rest of that day when that is shorter (the day's rows less those concerns). The medians are exact too: the tally counts the elapsed times in buckets (about 9 % wide), which says in
 * which bucket the middle lies, and only that bucket's concerns of the period are read (an index per moment) to take
 * the median as percentile_cont does.
 * Read it all in one snapshot ({@link #oneSnapshot()}), or a change committed in between would shift the middle.
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
        FIRST_TRIAGE("first_triaged_at"), FIRST_ATTEMPT("first_attempt_at"), CONTACT_ESTABLISHED("contact_established_at");

        private final String column;

        Moment(String column) {
            this.column = column;
        }
    }

    /** The citizens' say among the period's concerns now CLOSED, from codes that survive erasure. */
    public record ConsentCounts(long handedOverWithConsent, long dataSharingConsented, long declined,
            Map<String, Long> handedOverByService, Map<String, Long> declinedByService) {
    }

    /** Every figure of a period: received, the counts by dimension and target group, the medians and consent. */
    public record Figures(long received, Map<Dimension, Map<String, Long>> by, Map<String, Long> byTargetGroup,
            Map<Moment, Elapsed> sinceReceipt, ConsentCounts consent) {
    }

    /**
     * Makes the rest of the transaction read one snapshot (REPEATABLE READ); must come before anything else in it.
     */
    public void oneSnapshot() {
        Panache.getEntityManager().createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
    }

    /** Everything statistics reports over the concerns received in [from, to). */
    public Figures figures(Instant from, Instant to) {
        Map<String, Map<String, Long>> tally = tally(from, to);
        Map<Dimension, Map<String, Long>> by = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            by.put(dimension, tally.getOrDefault(dimension.name(), Map.of()));
        }
        by.put(Dimension.DISTRICT, mostFirst(by.get(Dimension.DISTRICT)));
        Map<Moment, Elapsed> elapsed = new EnumMap<>(Moment.class);
        for (Moment moment : Moment.values()) {
            elapsed.put(moment, median(moment, tally.getOrDefault(moment.name(), Map.of()), from, to));
        }
        Map<String, Long> consent = tally.getOrDefault("CONSENT", Map.of());
        return new Figures(tally.getOrDefault("RECEIVED", Map.of()).getOrDefault("", 0L), by,
                tally.getOrDefault("TARGET_GROUP", Map.of()), elapsed,
                new ConsentCounts(consent.getOrDefault("HANDED_OVER_WITH_CONSENT", 0L),
                        consent.getOrDefault("DATA_SHARING", 0L), consent.getOrDefault("DECLINED", 0L),
                        tally.getOrDefault("HANDED_OVER_SERVICE", Map.of()), tally.getOrDefault("DECLINED_SERVICE", Map.of())));
    }

    /**
     * figure -> value -> how many of the period's concerns have it (only values that some concern has). Districts are
     * grouped without regard to case, under the spelling that sorts first.
     */
    private Map<String, Map<String, Long>> tally(Instant from, Instant to) {
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        if (!startOf(firstDay).equals(from)) {
            firstDay = firstDay.plusDays(1);
        }
        LocalDate endDay = LocalDate.ofInstant(to, ZoneOffset.UTC); // exclusive
        Parts parts = new Parts();
        if (!firstDay.isBefore(endDay)) { // no whole UTC day: the concerns themselves, all of them
            parts.concerns(from, to, 1);
        } else {
            partOfADay(parts, firstDay.minusDays(1), from, startOf(firstDay));
            partOfADay(parts, endDay, startOf(endDay), to);
            // The whole months among the whole days: their month rows and their day rows not yet folded; the whole
            // days before and after them: their day rows.
            LocalDate firstMonth = firstDay.getDayOfMonth() == 1 ? firstDay : firstDay.withDayOfMonth(1).plusMonths(1);
            LocalDate endMonth = endDay.withDayOfMonth(1);
            if (firstMonth.isBefore(endMonth)) {
                parts.days(firstDay, firstMonth);
                parts.months(firstMonth, endMonth);
                parts.days(endMonth, endDay);
            } else {
                parts.days(firstDay, endDay);
            }
        }
        Query query = Panache.getEntityManager().createNativeQuery("""
                SELECT figure, min(value), sum(n)
                  FROM (SELECT figure, value, sum(n) AS n
                          FROM (""" + String.join(" UNION ALL ", parts.sql) + """
                               ) t
                         GROUP BY figure, value
                        HAVING sum(n) <> 0) v
                 GROUP BY figure, CASE WHEN figure = 'DISTRICT' THEN lower(value) ELSE value END""");
        parts.params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        Map<String, Map<String, Long>> tally = new HashMap<>();
        for (Object[] row : result) {
            tally.computeIfAbsent((String) row[0], f -> new LinkedHashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        return tally;
    }

    /**
     * The concerns received in [from, to), a part of UTC day {@code day}: those concerns themselves, or, when the part
     * is more than half the day, the day's rows less the concerns of the rest of the day (fewer rows to read).
     */
    private static void partOfADay(Parts parts, LocalDate day, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return;
        }
        Instant dayStart = startOf(day);
        Instant dayEnd = startOf(day.plusDays(1));
        if (Duration.between(from, to).compareTo(Duration.between(dayStart, dayEnd).dividedBy(2)) <= 0) {
            parts.concerns(from, to, 1);
        } else {
            parts.days(day, day.plusDays(1));
            parts.concerns(dayStart, from, -1);
            parts.concerns(to, dayEnd, -1);
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The parts of the tally query: SELECTs of (figure, value, n), to be added up, and their parameters. */
    private static final class Parts {

        final List<String> sql = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();

        /** Every row of the days [from, to). */
        void days(LocalDate from, LocalDate to) {
            if (from.isBefore(to)) {
                sql.add("SELECT figure, value, n FROM staff.concern_tally WHERE day >= " + param(from) + " AND day < " + param(to));
            }
        }

        /** The whole months [from, to): their month rows, and their day rows not folded into those yet. */
        void months(LocalDate from, LocalDate to) {
            String a = param(from);
            String b = param(to);
            sql.add("SELECT figure, value, n FROM staff.concern_tally_month WHERE month >= " + a + " AND month < " + b);
            sql.add("SELECT figure, value, n FROM staff.concern_tally WHERE NOT compacted AND day >= " + a + " AND day < " + b);
        }

        /** What the concerns received in [from, to) count for, each {@code sign} times (1 or -1). */
        void concerns(Instant from, Instant to, int sign) {
            if (from.isBefore(to)) {
                sql.add("SELECT k.figure, k.value, " + sign + " AS n FROM staff.concern c, LATERAL staff.concern_tally_keys("
                        + "c.received_at, c.reporter_role, c.channel, c.status, c.triage_outcome, c.closing_reason, c.district,"
                        + " c.first_triaged_at, c.first_attempt_at, c.contact_established_at, c.consent_agreed,"
                        + " c.consent_data_sharing, c.consent_services, c.target_groups) k"
                        + " WHERE c.received_at >= " + param(from) + " AND c.received_at < " + param(to));
            }
        }

        private String param(Object value) {
            String name = "p" + params.size();
            params.put(name, value);
            return ":" + name;
        }
    }

    /**
     * The median from receipt to {@code moment} over the period's concerns that reached it, as
     * {@code percentile_cont(0.5)} gives it: the middle value, or halfway between the two middle ones.
     */
    private Elapsed median(Moment moment, Map<String, Long> byBucket, Instant from, Instant to) {
        TreeMap<Integer, Long> buckets = new TreeMap<>();
        byBucket.forEach((bucket, n) -> buckets.put(Integer.valueOf(bucket), n));
        long concerns = buckets.values().stream().mapToLong(Long::longValue).sum();
        if (concerns == 0) {
            return new Elapsed(0, null);
        }
        long lower = (concerns - 1) / 2; // 0-based ranks of the middle value(s) in ascending order
        long upper = concerns / 2;
        int lowerBucket = 0;
        int upperBucket = 0;
        long before = 0; // concerns in buckets below lowerBucket
        long seen = 0;
        boolean lowerFound = false;
        for (Map.Entry<Integer, Long> e : buckets.entrySet()) {
            if (!lowerFound && lower < seen + e.getValue()) {
                lowerBucket = e.getKey();
                before = seen;
                lowerFound = true;
            }
            if (upper < seen + e.getValue()) {
                upperBucket = e.getKey();
                break;
            }
            seen += e.getValue();
        }
        String column = moment.column;
        @SuppressWarnings("unchecked")
        List<Number> values = Panache.getEntityManager().createNativeQuery(
                "SELECT extract(epoch FROM " + column + " - received_at)::float8 AS s FROM staff.concern"
                        + " WHERE " + column + " IS NOT NULL"
                        + " AND staff.elapsed_bucket(received_at, " + column + ") BETWEEN :lowerBucket AND :upperBucket"
                        + " AND received_at >= :from AND received_at < :to ORDER BY s OFFSET :skip LIMIT :take")
                .setParameter("lowerBucket", lowerBucket).setParameter("upperBucket", upperBucket)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("skip", lower - before).setParameter("take", upper - lower + 1)
                .getResultList();
        if (values.size() != upper - lower + 1) {
            throw new IllegalStateException("the statistics tally disagrees with the concerns: " + moment);
        }
        double lo = values.get(0).doubleValue();
        double hi = values.get(values.size() - 1).doubleValue();
        // percentile_cont's interpolation, in the same floating point arithmetic
        return new Elapsed(concerns, lower == upper ? lo : lo + 0.5 * (hi - lo));
    }

    /**
     * Folds what the triggers appended to the tally into one row per day and value, and adds what it folded to the
     * month's rows ({@code staff.concern_tally_month}, V31), so that a month row is always the sum of the month's folded
     * day rows. Exact whenever it runs, and safe to run on several instances at once: a row is folded by the one
     * transaction that deletes it.
     *
     * @return how many days were folded
     */
    public int compact(int days) {
        Object folded = Panache.getEntityManager().createNativeQuery("""
                WITH fresh AS (SELECT DISTINCT day FROM staff.concern_tally WHERE NOT compacted LIMIT :days),
                     gone AS (DELETE FROM staff.concern_tally t USING fresh WHERE t.day = fresh.day
                              RETURNING t.day, t.figure, t.value, t.n, t.compacted),
                     folded AS (INSERT INTO staff.concern_tally (day, figure, value, n, compacted)
                                SELECT day, figure, value, sum(n), true FROM gone GROUP BY day, figure, value
                                HAVING sum(n) <> 0),
                     monthly AS (INSERT INTO staff.concern_tally_month AS m (month, figure, value, n)
                                 SELECT date_trunc('month', day::timestamp)::date, figure, value, sum(n) FROM gone
                                  WHERE NOT compacted GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
                                 ON CONFLICT (month, figure, value) DO UPDATE SET n = m.n + excluded.n)
                SELECT count(*) FROM fresh""").setParameter("days", days).getSingleResult();
        return ((Number) folded).intValue();
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
