package dk.skp.staff.service;

import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Priority;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.repository.ConcernStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A concern in a list: enough to plan the work, nothing about the person.")
public record ConcernSummary(
        UUID id,
        String reference,
        ConcernStatus status,
        Urgency urgency,
        boolean acuteDanger,
        Channel channel,
        Instant receivedAt,
        @Schema(description = "Set at triage.") Priority priority,
        @Schema(description = "Set at triage.") List<TargetGroup> targetGroups,
        @Schema(description = "Set at triage.") String district,
        @Schema(description = "Subject of the assigned contact person, if any.") String assignedTo,
        @Schema(description = "The concern's version: send it as If-Match to claim from the list.") long version) {
}
