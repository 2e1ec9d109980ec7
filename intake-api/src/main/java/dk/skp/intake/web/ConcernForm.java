package dk.skp.intake.web;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Observations;
import dk.skp.model.concern.Person;
import dk.skp.model.concern.Reporter;
import dk.skp.model.concern.Whereabouts;
import dk.skp.model.problem.StorableText;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Gender;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.model.vocabulary.KnowsAboutReport;
import dk.skp.model.vocabulary.Regularity;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.model.vocabulary.Urgency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reporter typed, as posted by the form (application/x-www-form-urlencoded), and the v1 concern made from
 * it. Keeps the raw values so that the form can be shown again exactly as it was.
 */
public final class ConcernForm {

    private final Map<String, List<String>> values;
    private final Set<String> unknownChoices = new LinkedHashSet<>();
    private final ConcernReport report;

    private ConcernForm(Map<String, List<String>> values, String language) {
        this.values = values;
        this.report = toReport(language);
    }

    public static ConcernForm empty() {
        return new ConcernForm(Map.of(), null);
    }

    /** @param language the form's language (da or en), which becomes the concern's language */
    public static ConcernForm of(Map<String, List<String>> posted, String language) {
        Map<String, List<String>> values = new HashMap<>();
        posted.forEach((name, list) -> {
            if (FormFields.BY_NAME.containsKey(name) && list != null) {
                values.put(name, list.stream().map(ConcernForm::clean).filter(v -> !v.isEmpty()).toList());
            }
        });
        return new ConcernForm(values, language);
    }

    public ConcernReport report() {
        return report;
    }

    /** Fields with text that cannot be stored ({@link StorableText}): a NUL character, say. */
    Set<String> unstorableFields() {
        Set<String> fields = new LinkedHashSet<>();
        values.forEach((name, list) -> {
            if (!list.stream().allMatch(StorableText::storable)) {
                fields.add(name);
            }
        });
        return fields;
    }

    /** Fields whose posted value is none of the offered choices (only a tampered post has them). */
    Set<String> unknownChoices() {
        return unknownChoices;
    }

    String value(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        return list.isEmpty() ? null : list.get(0);
    }

    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean checked(String name) {
        String value = value(name);
        return "true".equals(value) || "on".equals(value);
    }

    /** Whether the reporter gave any contact detail. */
    boolean hasContactDetails() {
        return FormFields.ALL.stream().filter(FieldSpec::contact).anyMatch(field -> value(field.name()) != null);
    }

    private ConcernReport toReport(String language) {
        Reporter reporter = new Reporter(choice("reporter.role", ReporterRole.class), choice("reporter.anonymity", Anonymity.class),
                value("reporter.name"), value("reporter.organisation"), value("reporter.phone"), value("reporter.email"),
                checked("reporter.wantsStatusUpdates"));
        Person person = new Person(value("person.name"), choice("person.ageBand", AgeBand.class),
                choice("person.gender", Gender.class), value("person.appearance"), value("person.language"),
                choice("person.knowsAboutReport", KnowsAboutReport.class));
        Whereabouts whereabouts = new Whereabouts(value("whereabouts.address"), value("whereabouts.postcode"),
                value("whereabouts.placeDescription"), value("whereabouts.usualTimes"),
                choice("whereabouts.regularity", Regularity.class));
        List<Indicator> indicators = new ArrayList<>();
        for (String code : values("observations.indicators")) {
            Indicator indicator = Vocabulary.parse(Indicator.class, code);
            if (indicator == null) {
                unknownChoices.add("observations.indicators");
            } else if (!indicators.contains(indicator)) {
                indicators.add(indicator);
            }
        }
        Observations observations = new Observations(indicators, value("observations.description"),
                value("observations.safetyNotes"));
        return new ConcernReport(reporter, person, whereabouts, observations, choice("urgency", Urgency.class),
                checked("acuteDanger"), language);
    }

    private <E extends Enum<E>> E choice(String name, Class<E> type) {
        String code = value(name);
        if (code == null) {
            return null;
        }
        E parsed = Vocabulary.parse(type, code);
        if (parsed == null) {
            unknownChoices.add(name);
        }
        return parsed;
    }

    /** Browsers send line breaks as CRLF; the concern's length limits count characters as the reader sees them. */
    private static String clean(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
