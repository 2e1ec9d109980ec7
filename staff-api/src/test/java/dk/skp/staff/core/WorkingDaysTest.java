package dk.skp.staff.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar against dates from the official Danish calendar; plain JUnit, no Quarkus. */
class WorkingDaysTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private final WorkingDays calendar = WorkingDays.danishMunicipality();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "1818, 1818-03-22", // the earliest possible date
            "1943, 1943-04-25", // the latest possible date
            "2000, 2000-04-23",
            "2008, 2008-03-23",
            "2011, 2011-04-24",
            "2019, 2019-04-21",
            "2023, 2023-04-09",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2028, 2028-04-16",
            "2029, 2029-04-01",
            "2030, 2030-04-21",
            "2038, 2038-04-25",
            "2285, 2285-03-22" })
    void easterSundayByTheAnonymousGregorianAlgorithm(int year, String easter) {
        assertEquals(date(easter), WorkingDays.easterSunday(year));
    }

    @Test
    void easterIsAlwaysASundayBetween22MarchAnd25April() {
        for (int year = 1583; year <= 2400; year++) {
            LocalDate easter = WorkingDays.easterSunday(year);
            assertEquals(DayOfWeek.SUNDAY, easter.getDayOfWeek(), "Easter " + year);
            assertFalse(easter.isBefore(LocalDate.of(year, 3, 22)), "Easter " + year);
            assertFalse(easter.isAfter(LocalDate.of(year, 4, 25)), "Easter " + year);
        }
    }

    @Test
    void theDanishPublicHolidaysOf2026() {
        Map<LocalDate, String> expected = new LinkedHashMap<>();
        expected.put(date("2026-01-01"), "nytårsdag");
        expected.put(date("2026-04-02"), "skærtorsdag");
        expected.put(date("2026-04-03"), "langfredag");
        expected.put(date("2026-04-05"), "påskedag");
        expected.put(date("2026-04-06"), "2. påskedag");
        expected.put(date("2026-05-14"), "Kristi himmelfartsdag");
        expected.put(date("2026-05-24"), "pinsedag");
        expected.put(date("2026-05-25"), "2. pinsedag");
        expected.put(date("2026-12-25"), "juledag");
        expected.put(date("2026-12-26"), "2. juledag");
        assertEquals(expected, calendar.publicHolidays(2026));
    }

    @Test
    void theMovableHolidaysOf2025And2027() {
        Map<LocalDate, String> y2025 = calendar.publicHolidays(2025);
        assertEquals("skærtorsdag", y2025.get(date("2025-04-17")));
        assertEquals("2. påskedag", y2025.get(date("2025-04-21")));
        assertEquals("Kristi himmelfartsdag", y2025.get(date("2025-05-29")));
        assertEquals("2. pinsedag", y2025.get(date("2025-06-09")));
        Map<LocalDate, String> y2027 = calendar.publicHolidays(2027);
        assertEquals("skærtorsdag", y2027.get(date("2027-03-25")));
        assertEquals("langfredag", y2027.get(date("2027-03-26")));
        assertEquals("2. påskedag", y2027.get(date("2027-03-29")));
        assertEquals("Kristi himmelfartsdag", y2027.get(date("2027-05-06")));
        assertEquals("pinsedag", y2027.get(date("2027-05-16")));
        assertEquals("2. pinsedag", y2027.get(date("2027-05-17")));
    }

    @Test
    void storeBededagIsAHolidayUntil2023AndAWorkingDayFrom2024() {
        assertEquals("store bededag", calendar.publicHolidays(2023).get(date("2023-05-05")));
        assertFalse(calendar.isWorkingDay(date("2023-05-05")), "Friday 5 May 2023, store bededag");
        assertEquals("store bededag", calendar.publicHolidays(2019).get(date("2019-05-17")));
        assertEquals(11, calendar.publicHolidays(2023).size());
        assertEquals(10, calendar.publicHolidays(2024).size());
        assertTrue(calendar.isWorkingDay(date("2024-04-26")), "Friday 26 April 2024: would have been store bededag");
        assertTrue(calendar.isWorkingDay(date("2026-05-01")), "Friday 1 May 2026: the fourth Friday after Easter");
    }

    @Test
    void weekendsAreNeverWorkingDays() {
        assertFalse(calendar.isWorkingDay(date("2026-11-21")), "Saturday");
        assertFalse(calendar.isWorkingDay(date("2026-11-22")), "Sunday");
        assertTrue(calendar.isWorkingDay(date("2026-11-23")), "Monday");
        assertTrue(calendar.isWorkingDay(date("2026-11-20")), "Friday");
    }

    @Test
    void grundlovsdagJuleaftenAndNytaarsaftenAreClosingDaysNotPublicHolidays() {
        assertFalse(calendar.isWorkingDay(date("2026-06-05")), "Friday, grundlovsdag");
        assertFalse(calendar.isWorkingDay(date("2026-12-24")), "Thursday, juleaftensdag");
        assertFalse(calendar.isWorkingDay(date("2026-12-31")), "Thursday, nytårsaftensdag");
        assertFalse(calendar.publicHolidays(2026).containsKey(date("2026-06-05")));
        assertFalse(calendar.publicHolidays(2026).containsKey(date("2026-12-24")));

        WorkingDays onlyPublicHolidays = new WorkingDays(Set.of());
        assertTrue(onlyPublicHolidays.isWorkingDay(date("2026-06-05")));
        assertTrue(onlyPublicHolidays.isWorkingDay(date("2026-12-24")));
        assertTrue(onlyPublicHolidays.isWorkingDay(date("2026-12-31")));
        assertFalse(onlyPublicHolidays.isWorkingDay(date("2026-12-25")));

        WorkingDays alsoFirstOfMay = new WorkingDays(Set.of(MonthDay.of(Month.MAY, 1)));
        assertFalse(alsoFirstOfMay.isWorkingDay(date("2026-05-01")));
        assertTrue(alsoFirstOfMay.isWorkingDay(date("2026-06-05")), "the configured set replaces the default");
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-23, 1, 2026-11-24", // Monday to Tuesday
            "2026-11-20, 1, 2026-11-23", // Friday to Monday
            "2026-11-21, 1, 2026-11-23", // Saturday to Monday
            "2026-11-20, 5, 2026-11-27", // a week
            "2026-04-01, 1, 2026-04-07", // over Easter: skærtorsdag, langfredag, weekend, 2. påskedag
            "2026-05-13, 1, 2026-05-15", // over Kristi himmelfartsdag
            "2026-05-22, 1, 2026-05-26", // over Whitsun: weekend and 2. pinsedag
            "2026-06-04, 1, 2026-06-08", // over grundlovsdag
            "2026-12-22, 1, 2026-12-23",
            "2026-12-23, 1, 2026-12-28", // juleaftensdag, juledag, 2. juledag (a Saturday), Sunday
            "2026-12-22, 5, 2027-01-04", // over Christmas and New Year
            "2023-05-04, 1, 2023-05-08", // store bededag 2023
            "2024-04-25, 1, 2024-04-26", // no store bededag in 2024
            "2026-11-23, 0, 2026-11-23", // zero: today, being a working day
            "2026-11-21, 0, 2026-11-23", // zero: the next working day
            "2026-04-02, 0, 2026-04-07" })
    void addingWorkingDaysToADate(String from, int days, String expected) {
        assertEquals(date(expected), calendar.addWorkingDays(date(from), days));
    }

    @Test
    void aDeadlineEndsAtTheEndOfTheWorkingDayInCopenhagen() {
        Instant fridayAfternoon = ZonedDateTime.of(2026, 11, 20, 15, 55, 0, 0, COPENHAGEN).toInstant();
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), calendar.addWorkingDays(fridayAfternoon, 1, COPENHAGEN),
                "midnight after Monday 23 November, CET");

        Instant beforeEaster = ZonedDateTime.of(2026, 4, 1, 9, 0, 0, 0, COPENHAGEN).toInstant();
        assertEquals(Instant.parse("2026-04-07T22:00:00Z"), calendar.addWorkingDays(beforeEaster, 1, COPENHAGEN),
                "midnight after Tuesday 7 April, CEST");

        assertEquals(Instant.parse("2027-01-04T23:00:00Z"),
                calendar.addWorkingDays(ZonedDateTime.of(2026, 12, 22, 12, 0, 0, 0, COPENHAGEN).toInstant(), 5, COPENHAGEN));
    }

    @Test
    void theDayIsTheDayInTheGivenZoneNotInUtc() {
        // 23:30 UTC on Thursday 19 November is already Friday 00:30 in Copenhagen.
        Instant lateThursdayUtc = Instant.parse("2026-11-19T23:30:00Z");
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), calendar.addWorkingDays(lateThursdayUtc, 1, COPENHAGEN));
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), calendar.addWorkingDays(lateThursdayUtc, 1, ZoneId.of("UTC")));
    }

    @Test
    void aDeadlineAcrossTheEndOfSummerTimeStillEndsAtLocalMidnight() {
        Instant friday = ZonedDateTime.of(2026, 10, 23, 10, 0, 0, 0, COPENHAGEN).toInstant();
        Instant due = calendar.addWorkingDays(friday, 1, COPENHAGEN);
        assertEquals(Instant.parse("2026-10-26T23:00:00Z"), due, "summer time ended on Sunday 25 October");
        assertEquals(ZonedDateTime.of(2026, 10, 27, 0, 0, 0, 0, COPENHAGEN).toInstant(), due);
    }

    @Test
    void countingWorkingDaysBetweenTwoDates() {
        assertEquals(1, calendar.workingDaysBetween(date("2026-11-20"), date("2026-11-23")));
        assertEquals(0, calendar.workingDaysBetween(date("2026-11-21"), date("2026-11-22")));
        assertEquals(0, calendar.workingDaysBetween(date("2026-11-23"), date("2026-11-20")));
        assertEquals(1, calendar.workingDaysBetween(date("2026-04-01"), date("2026-04-07")));
    }

    @Test
    void aNegativeNumberOfDaysIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(date("2026-11-23"), -1));
    }

    @Test
    void aYearHasAbout250WorkingDays() {
        // 2026: 261 weekdays, less 7 public holidays and 3 closing days on weekdays.
        assertEquals(251, calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)));
        for (int year = 2020; year <= 2040; year++) {
            int count = calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
            assertTrue(count >= 245 && count <= 256, year + " has " + count + " working days");
        }
    }
}
