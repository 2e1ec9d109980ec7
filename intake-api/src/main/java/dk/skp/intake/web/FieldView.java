package dk.skp.intake.web;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One form field as the template shows it.
 *
 * @param kind        text, textarea, radios, checkboxes, select or checkbox
 * @param describedBy ids of the hint and error, for aria-describedby; null when there are none
 * @param anchor      the id an error link points at: the input, or the first choice of a group
 */
@TemplateData
public record FieldView(String name, String id, String kind, String label, String shortLabel, String hint, String error,
        String describedBy, boolean required, String value, List<ChoiceView> choices, String inputType, String autocomplete,
        String inputmode, Integer maxLength, boolean checked, String anchor) {
}
