package dk.skp.intake.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.skp.model.municipality.MunicipalityProfile;
import java.util.List;
import java.util.Map;
import dk.skp.model.openapi.Strings;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything a form builder needs to render the concern form without hard-coding. Nothing in it is personal. */
@Schema(description = "Vocabularies, fields and rules of the concern form, with Danish and English texts.")
public record Catalog(
        @Schema(description = "Version of the concern contract this catalog describes.", minimum = "1", maximum = "1") int version,
        @Schema(maxItems = 2, type = SchemaType.ARRAY, implementation = LanguageCode.class) List<String> languages,
        @Schema(description = "What the reporter is told after submitting.") Text serviceNotice,
        @Schema(description = "Shown when acuteDanger is chosen.") Text acuteDangerNotice,
        @Schema(description = "Shown when the person is under 18: nothing is sent; where to report instead.") Text childWelfareNotice,
        @Schema(nullable = true, description = "The municipality's route for notifications about children, if configured "
                + "(the same as municipality.childWelfare).", maxLength = MunicipalityProfile.TEXT_MAX_LENGTH) String childWelfareRoute,
        @Schema(description = "Who runs this service: team, contact data and opening hours (optional ones left out when not "
                + "set), whom it is for, the postcodes it serves (a concern at another postcode is refused with "
                + "urn:skp:problem:outside-area when outsideArea is REFUSE, or accepted with a note when WARN) and what is "
                + "kept for how long.") MunicipalityProfile municipality,
        @Schema(description = "Each vocabulary by name, e.g. ReporterRole, with its codes.", maxProperties = 20,
                additionalProperties = VocabularyTerms.class)
        Map<String, List<Term>> vocabularies,
        @Schema(description = "Every field of the concern, by JSON path.", maxItems = 50) List<Field> fields,
        @Schema(description = "Which fields are required or forbidden for which choice.", maxItems = 50) List<Rule> rules) {

    public record Text(@Schema(maxLength = MunicipalityProfile.TEXT_MAX_LENGTH) String da,
            @Schema(maxLength = MunicipalityProfile.TEXT_MAX_LENGTH) String en) {
    }

    /** The items of {@link #languages}. */
    @Schema(name = "LanguageCode", type = SchemaType.STRING, enumeration = { "da", "en" },
            description = "A language SKP answers in (ISO 639-1).")
    public static final class LanguageCode {
    }

    /** The items of a rule's whenValues. */
    @Schema(name = "Code", type = SchemaType.STRING, maxLength = 40, pattern = "^[A-Z0-9_]+$",
            description = "A code of one of the vocabularies, e.g. NEIGHBOUR.")
    public static final class Code {
    }

    /** The schema of one vocabulary in {@link #vocabularies}: its codes (the largest, Indicator, has 15). */
    @Schema(name = "Vocabulary", type = SchemaType.ARRAY, implementation = Term.class, maxItems = 50)
    public static final class VocabularyTerms {
    }

    public record Term(@Schema(maxLength = 40, pattern = "^[A-Z0-9_]+$") String code, Text label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(
            @Schema(examples = "whereabouts.postcode", maxLength = 100, pattern = "^[a-zA-Z.]+$") String path,
            @Schema(enumeration = { "text", "code", "codes", "boolean" }) String type,
            @Schema(description = "For code and codes: the vocabulary the values come from.", maxLength = 40, pattern = "^[A-Za-z]+$") String vocabulary,
            @Schema(description = "Always required (some fields are required only by a rule).") boolean required,
            @Schema(minimum = "1", maximum = "4000") Integer maxLength,
            @Schema(minimum = "1", maximum = "100") Integer maxItems,
            @Schema(description = "A regular expression the value must match.", maxLength = 200) String pattern,
            Text label,
            Text help) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Rule(
            @Schema(description = "The rule applies when this field has one of whenValues, or, with no whenValues, when it is left empty. No field: always.", maxLength = 100, pattern = "^[a-zA-Z.]+$") String whenField,
            @Schema(maxItems = 50, type = SchemaType.ARRAY, implementation = Code.class) List<String> whenValues,
            @Schema(description = "These fields are then required.", maxItems = 50, type = SchemaType.ARRAY,
                    implementation = Strings.FieldPath.class) List<String> required,
            @Schema(description = "At least one of these fields is then required.", maxItems = 50, type = SchemaType.ARRAY,
                    implementation = Strings.FieldPath.class) List<String> oneOf,
            @Schema(description = "These fields must then be left out.", maxItems = 50, type = SchemaType.ARRAY,
                    implementation = Strings.FieldPath.class) List<String> forbidden,
            @Schema(description = "The concern is then refused; the text says why and where to turn instead.") Text refusal) {
    }
}
