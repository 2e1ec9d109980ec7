package dk.skp.model.municipality;

import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text of the municipality's profile in Danish and English. */
@Schema(description = "A text in Danish and English.")
public record LocalizedText(@Schema(required = true, maxLength = MunicipalityProfile.TEXT_MAX_LENGTH) String da,
        @Schema(required = true, maxLength = MunicipalityProfile.TEXT_MAX_LENGTH) String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : da;
    }
}
