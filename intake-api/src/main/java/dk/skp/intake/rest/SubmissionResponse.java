package dk.skp.intake.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The answer to an accepted concern. It is only sent after the concern is safely stored.")
public record SubmissionResponse(
        @Schema(description = "Short, unguessable reference to quote when contacting the team.", examples = "SKP-7K4M-2QXD",
                pattern = "^SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
        String reference,
        @Schema(description = "When the concern was received (UTC).")
        Instant receivedAt,
        @Schema(description = "What happens next, in the reporter's language. Tells to call 112 when acute danger was reported.")
        String serviceNotice) {
}
