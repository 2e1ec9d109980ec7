package dk.skp.staff.statistics;

import static dk.skp.staff.ConcernSteps.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.staff.StaffDatabase;
import dk.skp.staff.statistics.StatisticsRepository.ConsentCounts;
import dk.skp.staff.statistics.StatisticsRepository.Dimension;
import dk.skp.staff.statistics.StatisticsRepository.Elapsed;
import dk.skp.staff.statistics.StatisticsRepository.Figures;
import dk.skp.staff.statistics.StatisticsRepository.Moment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The statistics tally (V27) gives the very figures that counting the concerns themselves gives (the queries statistics
 * ran before the tally, below), after a mix of changes made the way any code or person could make them: inserts,
 * triage, assignment, closing with consent, reopening, erasure, a receipt moved to another day, deletion; before and
 * after the tally is folded; for periods that start and end at the municipality's midnight (not UTC's), across the
 * change to summer time, within one day, and empty; and for periods of whole months, which read the month rows (V31)
 * and the day rows not folded into them yet.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class StatisticsTallyTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    @Inject
    StatisticsRepository statistics;

    @Inject
    StatisticsCompaction compaction;

    @Test
    void theTallyCountsWhatTheConcernsSayAfterEveryKindOfChange() {
        // 400 concerns from 25 March to 3 April 2025 (summer time from 30 March), every ~32 minutes and a bit.
        sql("""
                INSERT INTO staff.concern (id, message_id, reference, status, channel, urgency, acute_danger, received_at,
                                           registered_at, version, report, changed_at, reporter_role)
                SELECT gen_random_uuid(), gen_random_uuid(), 'SKP-TALLY-' || i, 'RECEIVED',
                       CASE WHEN i % 5 = 0 THEN 'PARTNER_API' ELSE 'WEB_FORM' END, 'NORMAL', false,
                       timestamptz '2025-03-25 00:00:00Z' + make_interval(secs => i * 1931.123457),
                       timestamptz '2025-03-25 00:00:00Z' + make_interval(secs => i * 1931.123457 + 1), 0,
                       '{}'::jsonb, now(),
                       (ARRAY['NEIGHBOUR', 'POLICE', 'SHOPKEEPER', NULL])[1 + i % 4]
                  FROM generate_series(1, 400) AS i""");
        compareEverything();

        // Triage: outcomes, districts in several spellings, target groups (some twice, some none), first triage
        // after a whole number of hours (ties), a fraction, under a second, or before receipt (clocks differ).
        sql("""
                UPDATE staff.concern
                   SET status = CASE WHEN n % 7 = 0 THEN 'REDIRECTED' ELSE 'TRIAGED' END,
                       triage_outcome = CASE WHEN n % 7 = 0 THEN 'REDIRECTED' ELSE 'ACCEPTED' END,
                       district = (ARRAY['Vollsmose', 'vollsmose ', ' VOLLSMOSE', 'Bolbro', 'Dalum', ''])[1 + n % 6],
                       target_groups = CASE n % 4 WHEN 0 THEN ARRAY['HOMELESSNESS']
                                                  WHEN 1 THEN ARRAY['HOMELESSNESS', 'SUBSTANCE_ABUSE']
                                                  WHEN 2 THEN ARRAY['MENTAL_ILLNESS', 'MENTAL_ILLNESS']
                                                  ELSE ARRAY[]::text[] END,
                       first_triaged_at = received_at + CASE n % 5 WHEN 0 THEN make_interval(hours => (n % 9)::int)
                                                                   WHEN 1 THEN make_interval(secs => n * 97.5)
                                                                   WHEN 2 THEN interval '0.4 seconds'
                                                                   WHEN 3 THEN interval '-3 seconds'
                                                                   ELSE make_interval(days => (n % 3)::int, secs => n) END
                  FROM (SELECT id AS nid, row_number() OVER (ORDER BY reference) AS n FROM staff.concern) numbered
                 WHERE id = nid AND n % 10 <> 0""");
        compareEverything();

        // Assignment, attempts, contact; one by one as the services do it, and some all at once.
        for (int i = 0; i < 20; i++) {
            sql("UPDATE staff.concern SET status = 'ASSIGNED', assigned_at = now(), first_attempt_at = received_at"
                    + " + interval '" + (i * 7 + 1) + " hours' WHERE reference = 'SKP-TALLY-" + (i * 13 + 1) + "'"
                    + " AND status = 'TRIAGED'");
        }
        sql("""
                UPDATE staff.concern SET status = 'IN_CONTACT', first_attempt_at = received_at + interval '2 days',
                                         contact_established_at = received_at + interval '3 days 0.5 seconds'
                 WHERE status = 'TRIAGED' AND reference LIKE '%3'""");
        compaction.compact();
        compareEverything();

        // Closing with the citizen's say, then a reopening of some of them, and erasure of others.
        sql("""
                UPDATE staff.concern
                   SET status = 'CLOSED',
                       closing_reason = CASE WHEN reference LIKE '%1' THEN 'DECLINED' ELSE 'HANDED_OVER' END,
                       consent_agreed = reference NOT LIKE '%1' AND reference NOT LIKE '%5',
                       consent_data_sharing = reference LIKE '%2' OR reference LIKE '%5',
                       consent_services = CASE WHEN reference LIKE '%7' THEN NULL
                                               ELSE ARRAY['HOUSING_SUPPORT', 'ADDICTION_TREATMENT'] END
                 WHERE status IN ('IN_CONTACT', 'ASSIGNED')""");
        sql("UPDATE staff.concern SET status = 'REOPENED', closing_reason = NULL WHERE status = 'CLOSED' AND reference LIKE '%9'");
        sql("UPDATE staff.concern SET erased_at = now(), report = '{}'::jsonb WHERE reference LIKE '%4'");
        compareEverything();

        // A receipt moved to another day, a concern deleted, and an update that changes nothing counted.
        sql("UPDATE staff.concern SET received_at = received_at - interval '3 days' WHERE reference = 'SKP-TALLY-200'");
        sql("DELETE FROM staff.concern WHERE reference IN ('SKP-TALLY-201', 'SKP-TALLY-333')");
        sql("UPDATE staff.concern SET changed_at = now(), version = version + 1");
        compareEverything();
        compaction.compact();
        compareEverything();
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern_tally WHERE NOT compacted"));
    }

    @Test
    void wholeMonthsCountTheirMonthRowsAndWhatIsNotFoldedYet() {
        // 300 concerns from 20 October 2023 to 10 February 2024 (winter time from 29 October), every ~9.3 hours.
        sql("""
                INSERT INTO staff.concern (id, message_id, reference, status, channel, urgency, acute_danger, received_at,
                                           registered_at, version, report, changed_at, reporter_role)
                SELECT gen_random_uuid(), gen_random_uuid(), 'SKP-MONTH-' || i, 'RECEIVED',
                       CASE WHEN i % 3 = 0 THEN 'PARTNER_API' ELSE 'WEB_FORM' END, 'NORMAL', false,
                       timestamptz '2023-10-20 00:00:00Z' + make_interval(secs => i * 33411.5),
                       timestamptz '2023-10-20 00:00:00Z' + make_interval(secs => i * 33411.5 + 1), 0,
                       '{}'::jsonb, now(), (ARRAY['NEIGHBOUR', 'POLICE', 'SELF'])[1 + i % 3]
                  FROM generate_series(1, 300) AS i""");
        compareMonths(); // nothing folded: the months have day rows only
        compaction.compact();
        compareMonths(); // folded into the month rows
        sql("""
                UPDATE staff.concern
                   SET status = 'TRIAGED', triage_outcome = 'ACCEPTED', district = CASE WHEN reference LIKE '%1' THEN 'Dalum' ELSE 'Bolbro' END,
                       target_groups = ARRAY['HOMELESSNESS'],
                       first_triaged_at = received_at + make_interval(secs => length(reference) * 3607.25 + (right(reference, 2))::int * 61)
                 WHERE reference LIKE 'SKP-MONTH-%' AND right(reference, 1) IN ('1', '2', '5', '7')""");
        compareMonths(); // month rows and the day rows appended since
        sql("UPDATE staff.concern SET received_at = received_at + interval '31 days' WHERE reference = 'SKP-MONTH-100'");
        sql("DELETE FROM staff.concern WHERE reference IN ('SKP-MONTH-150', 'SKP-MONTH-151')");
        compaction.compact();
        compareMonths();
        // A month row is the sum of the month's folded day rows.
        assertEquals(0, StaffDatabase.count("""
                SELECT count(*) FROM (SELECT date_trunc('month', day::timestamp)::date AS month, figure, value, sum(n) AS n
                                        FROM staff.concern_tally WHERE compacted GROUP BY 1, 2, 3) d
                  FULL JOIN (SELECT * FROM staff.concern_tally_month WHERE n <> 0) m USING (month, figure, value)
                 WHERE d.n IS DISTINCT FROM m.n"""));
        assertTrue(StaffDatabase.count("SELECT count(*) FROM staff.concern_tally_month WHERE month = '2023-12-01'") > 0);
    }

    private void compareMonths() {
        List<Instant[]> periods = new ArrayList<>();
        periods.add(days(LocalDate.parse("2023-10-01"), LocalDate.parse("2024-02-29"))); // everything
        periods.add(days(LocalDate.parse("2023-11-01"), LocalDate.parse("2024-01-31"))); // whole months, local
        periods.add(days(LocalDate.parse("2023-10-25"), LocalDate.parse("2024-02-05")));
        periods.add(days(LocalDate.parse("2023-12-02"), LocalDate.parse("2023-12-30"))); // within a month
        periods.add(new Instant[] { Instant.parse("2023-11-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z") });
        periods.add(new Instant[] { Instant.parse("2023-12-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z") });
        periods.add(new Instant[] { Instant.parse("2023-11-30T12:00:00Z"), Instant.parse("2024-01-01T06:00:00Z") });
        // most of a day at either end: that day's rows less the concerns of the rest of it
        periods.add(new Instant[] { Instant.parse("2023-11-30T03:00:00Z"), Instant.parse("2024-01-01T20:00:00Z") });
        periods.add(new Instant[] { Instant.parse("2023-12-05T02:00:00Z"), Instant.parse("2023-12-06T22:00:00Z") });
        periods.add(new Instant[] { Instant.parse("2023-12-05T12:00:00Z"), Instant.parse("2023-12-06T06:00:00Z") });
        compare(periods, periods.size());
    }

    private void compareEverything() {
        List<Instant[]> periods = new ArrayList<>();
        periods.add(days(LocalDate.parse("2025-03-25"), LocalDate.parse("2025-04-03"))); // everything
        periods.add(days(LocalDate.parse("2025-03-26"), LocalDate.parse("2025-03-31"))); // across summer time
        periods.add(days(LocalDate.parse("2025-03-30"), LocalDate.parse("2025-03-30"))); // 23 hours
        periods.add(days(LocalDate.parse("2025-03-27"), LocalDate.parse("2025-03-27")));
        periods.add(days(LocalDate.parse("2019-01-01"), LocalDate.parse("2019-12-31"))); // nothing
        periods.add(new Instant[] { Instant.parse("2025-03-28T05:00:00Z"), Instant.parse("2025-03-28T17:30:00Z") });
        periods.add(new Instant[] { Instant.parse("2025-03-26T00:00:00Z"), Instant.parse("2025-03-29T00:00:00Z") });
        periods.add(new Instant[] { Instant.parse("2025-03-26T12:00:00Z"), Instant.parse("2025-03-29T00:00:00Z") });
        compare(periods, 6);
    }

    private void compare(List<Instant[]> periods, int atLeast) {
        int compared = 0;
        for (Instant[] p : periods) {
            Figures fromTally = QuarkusTransaction.requiringNew().call(() -> {
                statistics.oneSnapshot();
                return statistics.figures(p[0], p[1]);
            });
            Figures fromRows = fromRows(p[0], p[1]);
            assertEquals(fromRows, fromTally, "period " + p[0] + " .. " + p[1]);
            // The same order too, where the answer has one: districts, most first.
            assertEquals(List.copyOf(fromRows.by().get(Dimension.DISTRICT).keySet()),
                    List.copyOf(fromTally.by().get(Dimension.DISTRICT).keySet()));
            compared += fromRows.received() > 0 ? 1 : 0;
        }
        assertTrue(compared >= atLeast, "the periods hold concerns");
    }

    private static Instant[] days(LocalDate from, LocalDate to) {
        return new Instant[] { from.atStartOfDay(ZONE).toInstant(), to.plusDays(1).atStartOfDay(ZONE).toInstant() };
    }

    /** What statistics counted before the tally, from the concerns themselves (the queries of that version). */
    private static Figures fromRows(Instant from, Instant to) {
        String period = " FROM staff.concern WHERE received_at >= ? AND received_at < ? ";
        Map<Dimension, Map<String, Long>> by = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            by.put(d, new LinkedHashMap<>());
        }
        long received = 0;
        for (Object[] row : rows("""
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
                       count(*)""" + period + """
                 GROUP BY GROUPING SETS ((reporter_role), (channel), (status), (triage_outcome), (closing_reason),
                                         (lower(trim(district))), ())""", from, to)) {
            long count = ((Number) row[2]).longValue();
            if (row[0] == null) {
                received = count;
            } else if (row[1] != null) {
                by.get(Dimension.valueOf((String) row[0])).put((String) row[1], count);
            }
        }
        Map<String, Long> districts = new LinkedHashMap<>();
        by.get(Dimension.DISTRICT).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> districts.put(e.getKey(), e.getValue()));
        by.put(Dimension.DISTRICT, districts);

        Map<String, Long> targetGroups = counts(rows("SELECT g, count(*) FROM staff.concern, unnest(target_groups) AS g "
                + "WHERE received_at >= ? AND received_at < ? AND g IS NOT NULL GROUP BY g", from, to));
        Object[] m = rows("""
                SELECT count(first_triaged_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_triaged_at - received_at)),
                       count(first_attempt_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_attempt_at - received_at)),
                       count(contact_established_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM contact_established_at - received_at))
                """ + period, from, to).get(0);
        Map<Moment, Elapsed> elapsed = new EnumMap<>(Moment.class);
        for (Moment moment : Moment.values()) {
            int c = moment.ordinal() * 2;
            elapsed.put(moment, new Elapsed(((Number) m[c]).longValue(), m[c + 1] == null ? null : ((Number) m[c + 1]).doubleValue()));
        }
        Object[] t = rows("""
                SELECT count(*) FILTER (WHERE closing_reason = 'HANDED_OVER' AND consent_agreed),
                       count(*) FILTER (WHERE closing_reason = 'HANDED_OVER' AND consent_agreed AND consent_data_sharing),
                       count(*) FILTER (WHERE closing_reason = 'DECLINED')
                """ + period + " AND status = 'CLOSED'", from, to).get(0);
        Map<String, Long> handedOver = new LinkedHashMap<>();
        Map<String, Long> declined = new LinkedHashMap<>();
        for (Object[] row : rows("SELECT closing_reason, s, count(*) FROM staff.concern, unnest(consent_services) AS s "
                + "WHERE received_at >= ? AND received_at < ? AND status = 'CLOSED' AND s IS NOT NULL "
                + "AND closing_reason IN ('HANDED_OVER', 'DECLINED') GROUP BY closing_reason, s", from, to)) {
            ("HANDED_OVER".equals(row[0]) ? handedOver : declined).put((String) row[1], ((Number) row[2]).longValue());
        }
        return new Figures(received, by, targetGroups, elapsed, new ConsentCounts(((Number) t[0]).longValue(),
                ((Number) t[1]).longValue(), ((Number) t[2]).longValue(), handedOver, declined));
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private static List<Object[]> rows(String sql, Instant from, Instant to) {
        try (Connection db = StaffDatabase.database().admin(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
