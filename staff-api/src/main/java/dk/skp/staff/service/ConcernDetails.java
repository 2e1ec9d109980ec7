package dk.skp.staff.service;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.repository.ConcernStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The whole concern, as the reporter sent it, with its place in the team's work.")
public record ConcernDetails(
        UUID id,
        String reference,
        ConcernStatus status,
        Urgency urgency,
        boolean acuteDanger,
        Channel channel,
        @Schema(description = "Partner organisation that sent it; absent for the public web form.") String partnerId,
        Instant receivedAt,
        @Schema(description = "When staff took it off the queue.") Instant registeredAt,
        @Schema(description = "Subject of the assigned contact person, if any.") String assignedTo,
        @Schema(description = "Changes with every change; sent as the ETag.") long version,
        ConcernReport report) {
}
