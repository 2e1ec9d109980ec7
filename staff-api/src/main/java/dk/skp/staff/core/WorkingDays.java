package dk.skp.staff.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Danish working-day calendar that every deadline in staff is counted in: Monday to Friday, except the public
 * holidays (helligdage) and the days the municipality's offices close although they are not public holidays.
 *
 * <p>Public holidays: nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag, store bededag (until 2023; abolished
 * from 2024 by lov nr. 212 af 28/02/2023), Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag and 2. juledag. The
 * movable ones follow Easter Sunday, computed with the anonymous Gregorian algorithm.
 *
 * <p>Closing days: grundlovsdag (5 June), juleaftensdag (24 December) and nytårsaftensdag (31 December) are not public
 * holidays, but most municipal offices close on them; which such days count is configuration
 * ({@code skp.staff.deadlines.extra-closing-days}).
 *
 * <p>Deadlines end at the <em>end</em> of a working day, not at the same time of day: "within one working day" of a
 * concern that arrives at 15:55 on a Friday means "by the end of Monday", which is how the team reads it, and a
 * deadline never falls in the night or at a weekend.
 */
public final class WorkingDays {

    /** The days most Danish municipal offices close on although they are not public holidays. */
    public static final Set<MonthDay> DEFAULT_EXTRA_CLOSING_DAYS = Set.of(MonthDay.of(Month.JUNE, 5),
            MonthDay.of(Month.DECEMBER, 24), MonthDay.of(Month.DECEMBER, 31));

    /** Store bededag was a public holiday for the last time in 2023. */
    private static final int LAST_YEAR_WITH_STORE_BEDEDAG = 2023;

    private final Set<MonthDay> extraClosingDays;
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();

    public WorkingDays(Set<MonthDay> extraClosingDays) {
        this.extraClosingDays = Set.copyOf(extraClosingDays);
    }

    /** With the default closing days: 5 June, 24 and 31 December. */
    public static WorkingDays danishMunicipality() {
        return new WorkingDays(DEFAULT_EXTRA_CLOSING_DAYS);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !extraClosingDays.contains(MonthDay.from(date))
                && !publicHolidays(date.getYear()).containsKey(date);
    }

    /**
     * The date {@code days} working days after {@code from}. Counting starts the day after {@code from}, whether or
     * not {@code from} is a working day itself; {@code days = 0} gives {@code from} if it is a working day, otherwise
     * the next working day.
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate date = from;
        if (days == 0) {
            while (!isWorkingDay(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The end of the working day {@code days} working days after the day {@code from} falls on in {@code zone}:
     * the instant the following calendar day begins there (so "overdue" means {@code now >= deadline}). Daylight
     * saving time is taken care of by the zone.
     */
    public Instant addWorkingDays(Instant from, int days, ZoneId zone) {
        LocalDate due = addWorkingDays(LocalDate.ofInstant(from, zone), days);
        return due.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Working days strictly after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** The public holidays of a year, with their Danish names, in date order. Closing days are not among them. */
    public Map<LocalDate, String> publicHolidays(int year) {
        return holidaysByYear.computeIfAbsent(year, WorkingDays::computeHolidays);
    }

    private static Map<LocalDate, String> computeHolidays(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> holidays = new TreeMap<>();
        holidays.put(LocalDate.of(year, 1, 1), "nytårsdag");
        holidays.put(easter.minusDays(3), "skærtorsdag");
        holidays.put(easter.minusDays(2), "langfredag");
        holidays.put(easter, "påskedag");
        holidays.put(easter.plusDays(1), "2. påskedag");
        if (year <= LAST_YEAR_WITH_STORE_BEDEDAG) {
            holidays.put(easter.plusDays(26), "store bededag"); // the fourth Friday after Easter
        }
        holidays.put(easter.plusDays(39), "Kristi himmelfartsdag");
        holidays.put(easter.plusDays(49), "pinsedag");
        holidays.put(easter.plusDays(50), "2. pinsedag");
        holidays.put(LocalDate.of(year, 12, 25), "juledag");
        holidays.put(LocalDate.of(year, 12, 26), "2. juledag");
        return Collections.unmodifiableMap(holidays);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
