package dk.skp.intake.web;

import io.quarkus.qute.TemplateData;


/** A message above the form after a send that did not go through: kind is "unavailable" or "refused". */
@TemplateData
public record Banner(String kind, String title, String text) {
}
