package dk.skp.staff.core;

import dk.skp.staff.config.StaffConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;

public class CalendarProducer {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** The one working-day calendar of the service, with the closing days the municipality configured. */
    @Produces
    @Singleton
    WorkingDays workingDays(StaffConfig config) {
        return new WorkingDays(closingDays(config.deadlines().extraClosingDays()));
    }

    static Set<MonthDay> closingDays(java.util.List<String> configured) {
        return configured.stream().map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            try {
                return MonthDay.parse(s, MONTH_DAY);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("skp.staff.deadlines.extra-closing-days: '" + s
                        + "' is not a day in the form MM-dd, e.g. 12-24", e);
            }
        }).collect(Collectors.toUnmodifiableSet());
    }
}
