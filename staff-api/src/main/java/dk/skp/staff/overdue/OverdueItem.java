package dk.skp.staff.overdue;

import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.mail.OverdueConcern.Deadline;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.vocabulary.Priority;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A deadline a concern has missed: enough to plan the work, nothing about the person.")
public record OverdueItem(
        @Schema(description = "The concern's id in staff.") UUID id,
        @Schema(description = "The reference the reporter got.", maxLength = ApiLimits.REFERENCE, pattern = ApiLimits.REFERENCE_PATTERN) String reference,
        @Schema(description = "Where the concern is in the team's work.") ConcernStatus status,
        @Schema(description = "Which deadline was missed: TRIAGE (not triaged in time) or FIRST_ATTEMPT (no contact "
                + "attempt in time after assignment).") Deadline missed,
        @Schema(description = "When the deadline ran out: the end of its last working day.") Instant dueAt,
        @Schema(nullable = true, description = "Subject of the assigned contact person, if any.", maxLength = ApiLimits.SUBJECT) String assignedTo,
        @Schema(nullable = true, description = "Name of the assigned contact person, if any and registered.", maxLength = ApiLimits.NAME) String assignedToName,
        @Schema(nullable = true, description = "Set at triage.") Priority priority,
        @Schema(description = "The reporter's urgency.") Urgency urgency,
        @Schema(description = "The reporter said the person is in acute danger.") boolean acuteDanger) {
}
