package dk.skp.staff.entry;

import dk.skp.model.openapi.Strings;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.rest.ApiLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A concern a staff member takes by phone, in person, by e-mail or letter, and what they get back. */
public final class ConcernEntry {

    private ConcernEntry() {
    }

    @Schema(description = "A concern told to a staff member. The report is the public v1 contract, checked by the same "
            + "rules as intake's: under 18 is refused as a child-welfare matter and nothing is stored, CPR numbers are "
            + "removed, acute danger makes it URGENT.")
    public record NewConcern(
            @Schema(description = "How it was told: PHONE, IN_PERSON, EMAIL or LETTER (WEB_FORM and PARTNER_API are "
                    + "intake's and refused here).") @NotNull(message = "{skp.required}") Channel channel,
            @Schema(nullable = true, description = "When it was told; now when left out. Not in the future, and at most "
                    + "30 days back (skp.staff.entry.max-age). Deadlines count from here.") Instant receivedAt,
            @Schema(description = "What the reporter told, in the v1 shape intake takes. reporter.wantsStatusUpdates "
                    + "follows issuePasscode.") @Valid @NotNull(message = "{skp.required}") ConcernReport report,
            @Schema(description = "Give the reporter a passcode for the status look-up at intake, to read out to them "
                    + "now; it is shown this once.") boolean issuePasscode) {
    }

    @Schema(description = "The concern staff entered: in the coordinators' inbox like any other.")
    public record EnteredConcern(
            @Schema(description = "The concern's id in staff (Location: /api/v1/concerns/{id}).") UUID id,
            @Schema(description = "The reference to give the reporter, e.g. SKP-7K4M-2QXD.", maxLength = ApiLimits.REFERENCE, pattern = ApiLimits.REFERENCE_PATTERN) String reference,
            @Schema(description = "How it was told.") Channel channel,
            @Schema(description = "When it was told.") Instant receivedAt,
            @Schema(description = "URGENT whenever acuteDanger is set.") Urgency urgency,
            @Schema(description = "The reporter said the person is in acute danger: tell them to call 112 now.") boolean acuteDanger,
            @Schema(nullable = true, description = "The reporter's passcode for the status look-up, shown this once (only "
                    + "its hash is kept): read it out to them with the reference. A retried request with the same "
                    + "Idempotency-Key gets a new one, and the one before stops working. Absent when issuePasscode was "
                    + "false.", examples = "7K4M-2QXD-9A", maxLength = 12) String passcode,
            @Schema(description = "Fields in which CPR numbers were found and removed before the concern was stored.", maxItems = 20, type = SchemaType.ARRAY, implementation = Strings.FieldPath.class)
            List<String> redactedFields) {
    }

    /** The answer with whether it is a retry's (Idempotent-Replayed). */
    public record Outcome(EnteredConcern concern, boolean replayed) {
    }
}
