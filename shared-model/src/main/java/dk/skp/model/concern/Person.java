package dk.skp.model.concern;

import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Gender;
import dk.skp.model.vocabulary.KnowsAboutReport;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The person the concern is about. Everything but the age band may be unknown.")
public record Person(
        @Schema(nullable = true) @Size(max = 200, message = "{skp.size.max}") String name,
        @NotNull(message = "{skp.required}") AgeBand ageBand,
        @Schema(nullable = true) Gender gender,
        @Schema(nullable = true, description = "What helps the team recognise the person.")
        @Size(max = 1000, message = "{skp.size.max}") String appearance,
        @Schema(nullable = true, description = "Language the person speaks (ISO 639-1).", examples = "da", maxLength = 2)
        @Pattern(regexp = "[a-z]{2}", message = "{skp.languageCode}") String language,
        @NotNull(message = "{skp.required}") KnowsAboutReport knowsAboutReport) {
}
