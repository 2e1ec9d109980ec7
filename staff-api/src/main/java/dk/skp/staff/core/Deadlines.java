package dk.skp.staff.core;

import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.core.Lifecycle.Move;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When the team's work on a concern is due, in working days of the municipality's calendar. A deadline is the end of
 * its working day in the configured zone: a task is overdue when {@code now >= deadline}.
 */
@ApplicationScoped
public class Deadlines {

    private final WorkingDays calendar;
    private final ZoneId zone;
    private final int triageWorkingDays;
    private final int firstAttemptWorkingDays;

    @Inject
    public Deadlines(WorkingDays calendar, StaffConfig config) {
        this(calendar, config.zone(), config.deadlines().triageWorkingDays(),
                config.deadlines().firstAttemptWorkingDays());
    }

    public Deadlines(WorkingDays calendar, ZoneId zone, int triageWorkingDays, int firstAttemptWorkingDays) {
        if (triageWorkingDays < 0 || firstAttemptWorkingDays < 0) {
            throw new IllegalArgumentException("deadlines must not be negative");
        }
        this.calendar = calendar;
        this.zone = zone;
        this.triageWorkingDays = triageWorkingDays;
        this.firstAttemptWorkingDays = firstAttemptWorkingDays;
    }

    /** By when a concern received at {@code receivedAt} is to be triaged. */
    public Instant triageDue(Instant receivedAt) {
        return calendar.addWorkingDays(receivedAt, triageWorkingDays, zone);
    }

    /** By when the first contact attempt is due for a concern assigned at {@code assignedAt}. */
    public Instant firstAttemptDue(Instant assignedAt) {
        return calendar.addWorkingDays(assignedAt, firstAttemptWorkingDays, zone);
    }

    /**
     * Keeps a concern's open deadlines in step with a move it just made ({@code concern.status} is the status after
     * it). Triage is due while a concern is RECEIVED (set at registration) or REOPENED; a first attempt is due from
     * each assignment to a new holder until someone records an attempt. Leaving the task's status, or ending, clears
     * it: a cleared deadline can no longer be missed.
     */
    public void track(ConcernEntity concern, ConcernStatus before, Move move, Instant now) {
        ConcernStatus after = concern.status;
        if (after == ConcernStatus.REOPENED) {
            concern.triageDueAt = before == ConcernStatus.REOPENED ? concern.triageDueAt : triageDue(now);
        } else if (after != ConcernStatus.RECEIVED) {
            concern.triageDueAt = null;
        }
        switch (move) {
            case ASSIGN, CLAIM -> {
                if (after == ConcernStatus.ASSIGNED) {
                    concern.firstAttemptDueAt = firstAttemptDue(now);
                }
            }
            case RECORD_ATTEMPT, ESTABLISH_CONTACT, UNASSIGN -> concern.firstAttemptDueAt = null;
            default -> {
                // Triage and the endings below change no first-attempt deadline of their own.
            }
        }
        if (after.ended() || after == ConcernStatus.REOPENED) {
            concern.firstAttemptDueAt = null;
        }
    }

    public boolean isOverdue(Instant deadline, Instant now) {
        return !now.isBefore(deadline);
    }

    public ZoneId zone() {
        return zone;
    }
}
