package dk.skp.intake.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/** The form, empty or as the reporter filled it in, with its errors and a fresh form token. */
@TemplateData
public record FormPage(String lang, String formToken, List<ErrorLink> errors, Banner banner, Map<String, FieldView> fields) {

    public FieldView field(String name) {
        FieldView field = fields.get(name);
        if (field == null) {
            throw new IllegalArgumentException("no form field " + name);
        }
        return field;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
