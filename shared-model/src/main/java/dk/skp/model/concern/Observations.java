package dk.skp.model.concern;

import dk.skp.model.vocabulary.Indicator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the reporter has seen.")
public record Observations(
        @NotEmpty(message = "{skp.required}") @Size(max = 12, message = "{skp.size.max}")
        List<@NotNull(message = "{skp.required}") Indicator> indicators,
        @Schema(nullable = true) @Size(max = 4000, message = "{skp.size.max}") String description,
        @Schema(nullable = true, description = "Anything the team should know before a visit: a dog, threats, weapons.")
        @Size(max = 1000, message = "{skp.size.max}") String safetyNotes) {
}
