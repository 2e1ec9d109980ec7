package dk.skp.staff.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.staff.StaffDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar and the deadlines as the service builds them from its configuration. */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class DeadlinesConfigTest {

    @Inject
    WorkingDays calendar;

    @Inject
    Deadlines deadlines;

    @Test
    void theServiceCountsInCopenhagenWithTheDefaultClosingDays() {
        assertEquals(ZoneId.of("Europe/Copenhagen"), deadlines.zone());
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 6, 5)), "grundlovsdag");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 24)), "juleaftensdag");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 31)), "nytårsaftensdag");
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), deadlines.triageDue(Instant.parse("2026-11-20T14:00:00Z")),
                "one working day");
        assertEquals(Instant.parse("2026-11-27T23:00:00Z"), deadlines.firstAttemptDue(Instant.parse("2026-11-20T14:00:00Z")),
                "five working days");
    }

    @Test
    void closingDaysAreReadAsMonthAndDay() {
        assertEquals(Set.of(MonthDay.of(Month.JUNE, 5), MonthDay.of(Month.MAY, 1)),
                CalendarProducer.closingDays(List.of("06-05", " 05-01 ", "")));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> CalendarProducer.closingDays(List.of("24/12")));
        assertTrue(wrong.getMessage().contains("skp.staff.deadlines.extra-closing-days"));
    }
}
