package dk.skp.staff.service;

import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.repository.ConcernStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A concern in a list: enough to triage the queue of work, nothing about the person.")
public record ConcernSummary(UUID id, String reference, ConcernStatus status, Urgency urgency, boolean acuteDanger,
        Channel channel, Instant receivedAt) {
}
