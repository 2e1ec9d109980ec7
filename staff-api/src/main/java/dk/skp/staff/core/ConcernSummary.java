package dk.skp.staff.core;

import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.vocabulary.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A concern in a list: enough to plan the work, nothing about the person.")
public record ConcernSummary(
        @Schema(description = "The concern's id in staff.") UUID id,
        @Schema(description = "The reference the reporter got.", maxLength = ApiLimits.REFERENCE, pattern = ApiLimits.REFERENCE_PATTERN) String reference,
        @Schema(description = "Where the concern is in the team's work.") ConcernStatus status,
        @Schema(description = "The reporter's urgency.") Urgency urgency,
        @Schema(description = "The reporter said the person is in acute danger.") boolean acuteDanger,
        @Schema(description = "How the concern came in.") Channel channel,
        @Schema(description = "When intake received it.") Instant receivedAt,
        @Schema(description = "Set at triage.", nullable = true) Priority priority,
        @Schema(nullable = true, description = "Set at triage: MENTAL_ILLNESS, SUBSTANCE_ABUSE, HOMELESSNESS (no home of their own, or cannot stay in it), OTHER_SOCIAL_PROBLEMS.", maxItems = 4)
        List<TargetGroup> targetGroups,
        @Schema(description = "Set at triage.", nullable = true, maxLength = ApiLimits.DISTRICT) String district,
        @Schema(nullable = true, description = "Subject of the assigned contact person, if any.", maxLength = ApiLimits.SUBJECT) String assignedTo,
        @Schema(nullable = true, description = "Name of the assigned contact person, if any and registered.", maxLength = ApiLimits.NAME) String assignedToName,
        @Schema(nullable = true, description = "By when it is to be triaged; present while it waits for triage.") Instant triageDueAt,
        @Schema(nullable = true, description = "By when a first contact attempt is due; present from assignment until one is recorded.")
        Instant firstAttemptDueAt,
        @Schema(description = "The concern's version: send it as If-Match to claim from the list.", minimum = "0", maximum = "9223372036854775807") long version,
        @Schema(description = "Its postcode is not one the municipality's profile serves: it may belong with another municipality.")
        boolean outsideArea) {
}
