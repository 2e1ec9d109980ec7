package dk.skp.staff.admin;

import dk.skp.staff.rest.ApiLimits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin sees of dead queue messages: never the payload, which is a concern and so personal data. */
public final class DeadMessageViews {

    private DeadMessageViews() {
    }

    @Schema(name = "DeadMessage", description = "A queue message parked after too many failed deliveries. "
            + "Its content (a concern) is never shown.")
    public record DeadMessage(
            @Schema(description = "The message id (intake's, also the concern's message id once registered)") UUID id,
            @Schema(examples = "concern-submitted", maxLength = ApiLimits.TOPIC) String topic,
            @Schema(description = "When intake queued it") Instant enqueuedAt,
            @Schema(description = "Failed deliveries", minimum = "0", maximum = "2147483647") int attempts,
            @Schema(description = "Why the last delivery failed, in words free of the message's content",
                    examples = "UnsupportedMessageException: unsupported schemaVersion 2", maxLength = ApiLimits.ERROR) String lastError,
            @Schema(description = "When it was parked") Instant deadAt) {
    }

    @Schema(name = "DeadMessageList", description = "Dead messages, oldest first.")
    public record DeadMessageList(
            @Schema(maxItems = ApiLimits.PAGE) List<DeadMessage> items,
            @Schema(description = "All dead messages of the topic filter, also those beyond limit", minimum = "0", maximum = "9223372036854775807") long total) {
    }
}
