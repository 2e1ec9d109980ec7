package dk.skp.intake.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import dk.skp.model.openapi.Strings;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "The answer to an accepted concern. It is only sent after the concern is safely stored.")
public record SubmissionResponse(
        @Schema(description = "Short, unguessable reference to quote when contacting the team.", examples = "SKP-7K4M-2QXD",
                pattern = "^SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", maxLength = 13, required = true)
        String reference,
        @Schema(description = "When the concern was received (UTC).", required = true)
        Instant receivedAt,
        @Schema(description = "Language of serviceNotice: da or en.", examples = "da", required = true, maxLength = 2,
                pattern = "^(da|en)$")
        String language,
        @Schema(description = "What happens next, in the reporter's language. Tells to call 112 when acute danger was reported.",
                required = true, maxLength = 2000)
        String serviceNotice,
        @Schema(description = "Only when reporter.wantsStatusUpdates was true: the passcode for "
                + "GET /api/v1/concerns/{reference}/status. Shown this once and stored only as a hash; not repeated when "
                + "an Idempotency-Key replays the answer.", examples = "7K4M-2QXD-9A",
                maxLength = 12, pattern = "^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$")
        String passcode,
        @Schema(description = "Fields from which CPR numbers were removed before anything was stored (SKP keeps no CPR).",
                maxItems = 20, type = SchemaType.ARRAY, implementation = Strings.FieldPath.class)
        List<String> redactedFields) {

    /** The answer as it may be stored for an idempotent replay: without the passcode. */
    public SubmissionResponse withoutPasscode() {
        return new SubmissionResponse(reference, receivedAt, language, serviceNotice, null, redactedFields);
    }
}
