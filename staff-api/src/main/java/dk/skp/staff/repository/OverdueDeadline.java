package dk.skp.staff.repository;

import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.mail.OverdueConcern.Deadline;
import dk.skp.staff.vocabulary.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * One missed deadline of a concern, with what the team plans its work by and nothing of the report: the overdue list
 * and digest are read without loading what the concern says about anyone.
 */
public record OverdueDeadline(UUID concernId, String reference, ConcernStatus status, Deadline missed, Instant dueAt,
        String assignedTo, Priority priority, Urgency urgency, boolean acuteDanger) {
}
