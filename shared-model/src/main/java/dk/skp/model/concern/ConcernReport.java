package dk.skp.model.concern;

import dk.skp.model.vocabulary.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A concern as the reporter sends it: the public contract, version 1. Extend, never rename: the web form,
 * partner systems and the queue message all carry exactly these field names.
 */
@Schema(name = "ConcernReport", description = "A concern about a vulnerable adult, as the reporter sends it (v1).")
public record ConcernReport(
        @NotNull(message = "{skp.required}") @Valid Reporter reporter,
        @NotNull(message = "{skp.required}") @Valid Person person,
        @NotNull(message = "{skp.required}") @Valid Whereabouts whereabouts,
        @NotNull(message = "{skp.required}") @Valid Observations observations,
        @NotNull(message = "{skp.required}") Urgency urgency,
        @Schema(description = "The person is in acute danger now. Accepted and flagged urgent, but the reporter must call 112.")
        boolean acuteDanger,
        @Schema(description = "Language the reporter wants answers in (ISO 639-1).", examples = "da", maxLength = 2)
        @Pattern(regexp = "da|en", message = "{skp.language}") String language) {
}
