package dk.skp.staff.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.staff.StaffDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The retention schedule's job, called directly with a fixed clock: no waiting for the night. */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class AuditRetentionTest {

    @Inject
    AuditRetention retention;

    private static void sql(String statement) {
        try (Connection staff = StaffDatabase.database().asStaff(); Statement s = staff.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void rowsOlderThanTwoYearsAreDeletedInBatchesAndTheDeletionIsRecorded() {
        // Twelve thousand rows from 2021, more than two batches, and rows on both sides of the cut-off.
        sql("INSERT INTO staff.audit_event (occurred_at, actor, actor_roles, action) "
                + "SELECT timestamptz '2021-01-01T00:00:00Z' + n * interval '1 minute', 'old-actor', 'coordinator', 'READ' "
                + "FROM generate_series(1, 12001) AS n");
        sql("INSERT INTO staff.audit_event (occurred_at, actor, actor_roles, action) VALUES "
                + "('2022-06-01T11:59:59.999Z', 'edge-actor', 'coordinator', 'READ'), "
                + "('2022-06-01T12:00:00Z', 'edge-actor', 'coordinator', 'SEARCH'), "
                + "('2024-01-01T00:00:00Z', 'recent-actor', 'coordinator', 'READ')");

        // 14:00 in Copenhagen on 1 June 2024, so the cut-off is 14:00 in Copenhagen on 1 June 2022, 12:00 UTC.
        Clock june2024 = at("2024-06-01T12:00:00Z");
        assertEquals(Instant.parse("2022-06-01T12:00:00Z"), retention.cutoff(june2024));
        assertEquals(12002, retention.purge(june2024));

        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE actor = 'old-actor'"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE actor = 'edge-actor' AND action = 'SEARCH'"),
                "a row exactly at the cut-off is kept");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE actor = 'recent-actor'"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'AUDIT_PURGED' "
                + "AND actor = 'system:audit-retention' AND (details->>'deleted')::int = 12002 "
                + "AND details->>'before' = '2022-06-01T12:00:00Z' AND details->>'retention' = 'P2Y'"));

        assertEquals(0, retention.purge(june2024), "nothing left to delete");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE action = 'AUDIT_PURGED'"),
                "a run that deletes nothing records nothing");

        // A clock far ahead asks for every row: the purge function still keeps the last year (here: the row written
        // now and the record of the run above), and takes the two older ones.
        sql("INSERT INTO staff.audit_event (actor, actor_roles, action) VALUES ('this-year-actor', 'coordinator', 'READ')");
        assertEquals(2, retention.purge(at("2099-01-01T00:00:00Z")));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.audit_event WHERE actor = 'this-year-actor'"));
    }

    @Test
    void twoYearsAreCountedInTheCalendar() {
        assertEquals(Instant.parse("2026-02-28T11:00:00Z"), retention.cutoff(at("2028-02-29T11:00:00Z")),
                "from a leap day back to the 28th");
        assertEquals(Instant.parse("2024-11-23T11:00:00Z"), retention.cutoff(at("2026-11-23T11:00:00Z")));
    }
}
