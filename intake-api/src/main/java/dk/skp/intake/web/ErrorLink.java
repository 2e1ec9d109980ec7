package dk.skp.intake.web;

import io.quarkus.qute.TemplateData;


/** An entry of the error summary: a link to the field. */
@TemplateData
public record ErrorLink(String anchor, String text) {
}
