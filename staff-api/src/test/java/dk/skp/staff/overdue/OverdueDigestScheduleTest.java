package dk.skp.staff.overdue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.staff.StaffDatabase;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The digest's schedule as shipped: the cron of application.properties (not the test profile's "off") is accepted and
 * read in Copenhagen time, so the next run is at 07:00 there on a weekday, summer or winter.
 */
@QuarkusTest
@TestProfile(OverdueDigestScheduleTest.ShippedSchedule.class)
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class OverdueDigestScheduleTest {

    public static class ShippedSchedule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skp.staff.mail.overdue-digest-cron", shippedCron());
        }
    }

    static String shippedCron() {
        Properties properties = new Properties();
        try (InputStream in = OverdueDigestScheduleTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("skp.staff.mail.overdue-digest-cron");
    }

    @Inject
    Scheduler scheduler;

    @Test
    void theShippedScheduleRunsAtSevenOnWeekdayMorningsInCopenhagen() {
        assertEquals("0 0 7 ? * MON-FRI", shippedCron());
        Trigger job = scheduler.getScheduledJob("overdue-digest");
        assertNotNull(job, "scheduled");
        Instant next = job.getNextFireTime();
        assertNotNull(next);
        assertTrue(next.isAfter(Instant.now().minusSeconds(1)));
        ZonedDateTime local = next.atZone(ZoneId.of("Europe/Copenhagen"));
        assertEquals(LocalTime.of(7, 0), local.toLocalTime(), local.toString());
        assertTrue(local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY,
                local.toString());
    }
}
