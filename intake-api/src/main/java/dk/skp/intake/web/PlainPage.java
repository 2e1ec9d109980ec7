package dk.skp.intake.web;

import io.quarkus.qute.TemplateData;


/** A page with nothing but words, such as the one for a child under 18. */
@TemplateData
public record PlainPage(String lang) {
}
