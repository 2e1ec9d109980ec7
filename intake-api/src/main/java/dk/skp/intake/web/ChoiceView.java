package dk.skp.intake.web;

import io.quarkus.qute.TemplateData;


/** One radio button, check box or option. */
@TemplateData
public record ChoiceView(String id, String value, String label, String hint, boolean selected) {
}
