package dk.skp.model.concern;

import dk.skp.model.vocabulary.Regularity;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outreach fails most often because the team cannot find the person: where, when and how often. */
@Schema(description = "Where the person can be found: an address or a place description, and when.")
public record Whereabouts(
        @Schema(nullable = true) @Size(max = 300, message = "{skp.size.max}") String address,
        @Schema(nullable = true, maxLength = 4) @Pattern(regexp = "[0-9]{4}", message = "{skp.postcode}") String postcode,
        @Schema(nullable = true, description = "A place without an address, e.g. 'the bench by the station'.")
        @Size(max = 1000, message = "{skp.size.max}") String placeDescription,
        @Schema(nullable = true) @Size(max = 500, message = "{skp.size.max}") String usualTimes,
        @NotNull(message = "{skp.required}") Regularity regularity) {
}
