package dk.skp.staff.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNull;

import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.core.Lifecycle.Move;
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

    private final Instant monday = Instant.parse("2026-11-23T09:00:00Z");

    /** Makes the move as ConcernChanges does and lets the deadlines follow it. */
    private void move(ConcernEntity concern, Move move) {
        ConcernStatus before = concern.status;
        concern.status = Lifecycle.next(before, move);
        deadlines.track(concern, before, move, monday);
    }

    private ConcernEntity received() {
        ConcernEntity concern = new ConcernEntity();
        concern.status = ConcernStatus.RECEIVED;
        concern.triageDueAt = deadlines.triageDue(monday);
        return concern;
    }

    @Test
    void triageIsDueUntilTheConcernIsTriagedAndAgainWhenItIsReopened() {
        ConcernEntity concern = received();
        move(concern, Move.REDIRECT);
        assertNull(concern.triageDueAt, "an early ending is a triage too");
        move(concern, Move.REOPEN);
        assertEquals(deadlines.triageDue(monday), concern.triageDueAt);
        move(concern, Move.TRIAGE);
        assertNull(concern.triageDueAt);
        assertNull(concern.firstAttemptDueAt, "nobody holds it yet");
    }

    @Test
    void aFirstAttemptIsDueFromEachAssignmentUntilAnAttemptIsRecorded() {
        ConcernEntity concern = received();
        move(concern, Move.TRIAGE);
        move(concern, Move.CLAIM);
        assertEquals(deadlines.firstAttemptDue(monday), concern.firstAttemptDueAt);
        move(concern, Move.RECORD_ATTEMPT);
        assertNull(concern.firstAttemptDueAt);
        move(concern, Move.ASSIGN);
        assertEquals(deadlines.firstAttemptDue(monday), concern.firstAttemptDueAt, "a new holder gets a deadline of their own");
        move(concern, Move.UNASSIGN);
        assertNull(concern.firstAttemptDueAt, "nobody's to do");
        move(concern, Move.ASSIGN);
        move(concern, Move.ESTABLISH_CONTACT);
        assertNull(concern.firstAttemptDueAt);
        move(concern, Move.ASSIGN);
        assertNull(concern.firstAttemptDueAt, "a new holder of a concern in contact takes over the contact, not a first try");
        move(concern, Move.CLOSE);
        assertNull(concern.firstAttemptDueAt);
        assertNull(concern.triageDueAt);
    }
}
