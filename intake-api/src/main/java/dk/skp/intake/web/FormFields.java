package dk.skp.intake.web;

import static dk.skp.intake.web.FieldSpec.checkbox;
import static dk.skp.intake.web.FieldSpec.choice;
import static dk.skp.intake.web.FieldSpec.text;
import static dk.skp.intake.web.FieldSpec.textarea;

import dk.skp.intake.web.FieldSpec.Kind;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Gender;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.model.vocabulary.KnowsAboutReport;
import dk.skp.model.vocabulary.Regularity;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.model.vocabulary.Urgency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The form's fields in the order a reporter meets them, which is also the order errors are listed in. */
final class FormFields {

    static final String LANGUAGE = "language";
    static final String FORM_TOKEN = "formToken";
    static final String ALTCHA = "altcha";
    static final String HONEYPOT = "website";

    /** Languages offered for the person; named by the JDK in the reader's language, so no list of names lives here. */
    static final List<String> PERSON_LANGUAGES = List.of("da", "kl", "fo", "sv", "nb", "en", "de", "pl", "lt", "ro", "uk",
            "ru", "ar", "fa", "ku", "so", "ti", "tr", "ur", "es");

    static final List<FieldSpec> ALL = List.of(
            text("person.name", "text", "off", null),
            choice("person.ageBand", Kind.RADIOS, AgeBand.class, true),
            choice("person.gender", Kind.RADIOS, Gender.class, false),
            textarea("person.appearance"),
            choice("person.language", Kind.SELECT, null, false),
            choice("person.knowsAboutReport", Kind.RADIOS, KnowsAboutReport.class, true),
            text("whereabouts.address", "text", "off", null),
            text("whereabouts.postcode", "text", "off", "numeric").withMaxLength(4),
            textarea("whereabouts.placeDescription"),
            text("whereabouts.usualTimes", "text", "off", null),
            choice("whereabouts.regularity", Kind.RADIOS, Regularity.class, true),
            choice("observations.indicators", Kind.CHECKBOXES, Indicator.class, true),
            textarea("observations.description"),
            textarea("observations.safetyNotes"),
            choice("urgency", Kind.RADIOS, Urgency.class, true),
            checkbox("acuteDanger"),
            choice("reporter.role", Kind.SELECT, ReporterRole.class, true),
            choice("reporter.anonymity", Kind.RADIOS, Anonymity.class, true),
            text("reporter.name", "text", "name", null).asContact(),
            text("reporter.organisation", "text", "organization", null).asContact(),
            text("reporter.phone", "tel", "tel", "tel").asContact(),
            text("reporter.email", "email", "email", "email").asContact(),
            checkbox("reporter.wantsStatusUpdates"));

    static final Map<String, FieldSpec> BY_NAME;

    static {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        ALL.forEach(field -> byName.put(field.name(), field));
        BY_NAME = Map.copyOf(byName);
    }

    private FormFields() {
    }

    static int position(String name) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).name().equals(name)) {
                return i;
            }
        }
        return ALL.size();
    }
}
