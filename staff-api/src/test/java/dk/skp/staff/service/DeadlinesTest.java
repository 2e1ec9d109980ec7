package dk.skp.staff.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(WorkingDays.danishMunicipality(), ZoneId.of("Europe/Copenhagen"), 1, 5);

    @Test
    void aConcernFromFridayEveningIsToBeTriagedByTheEndOfMonday() {
        Instant fridayEvening = Instant.parse("2026-11-20T18:30:00Z");
        Instant due = deadlines.triageDue(fridayEvening);
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), due);
        assertFalse(deadlines.isOverdue(due, Instant.parse("2026-11-23T22:59:59Z")), "late Monday evening is in time");
        assertTrue(deadlines.isOverdue(due, due), "Tuesday has begun");
    }

    @Test
    void theFirstAttemptIsDueFiveWorkingDaysAfterAssignment() {
        // Assigned on Wednesday 1 April 2026: skærtorsdag, langfredag and 2. påskedag do not count.
        assertEquals(Instant.parse("2026-04-13T22:00:00Z"), deadlines.firstAttemptDue(Instant.parse("2026-04-01T08:00:00Z")));
    }
}
