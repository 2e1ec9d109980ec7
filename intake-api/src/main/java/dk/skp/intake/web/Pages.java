package dk.skp.intake.web;

import dk.skp.intake.service.Receipt;
import dk.skp.intake.web.FieldSpec.Kind;
import dk.skp.model.vocabulary.Labelled;
import java.text.Collator;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Turns a form, its errors and a receipt into what the templates show. Choice labels come from the vocabularies. */
public final class Pages {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private Pages() {
    }

    public static FormPage form(ConcernForm form, Map<String, String> errors, Banner banner, String formToken, Texts t) {
        Map<String, FieldView> fields = new LinkedHashMap<>();
        for (FieldSpec spec : FormFields.ALL) {
            fields.put(spec.name(), field(spec, form, errors.get(spec.name()), t));
        }
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((name, message) -> {
            FieldView field = fields.get(name);
            // A rule on the concern as a whole has no field to point at: the link leads to the form.
            links.add(field == null ? new ErrorLink("concern-form", message)
                    : new ErrorLink(field.anchor(), field.shortLabel() + ": " + message));
        });
        return new FormPage(t.locale().getLanguage(), formToken, links, banner, fields);
    }

    public static String shortLabel(String name, Texts t) {
        String shortLabel = t.optional(name + ".short");
        return shortLabel != null ? shortLabel : t.get(name + ".label");
    }

    public static ReceiptPage receipt(Receipt receipt, Texts t) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("receivedAtPattern"), t.locale()).withZone(DANISH_TIME);
        return new ReceiptPage(t.locale().getLanguage(), receipt.reference(), receipt.receivedAt().toString(),
                format.format(receipt.receivedAt()), receipt.serviceNotice(), receipt.acuteDanger(), receipt.passcode());
    }

    private static FieldView field(FieldSpec spec, ConcernForm form, String error, Texts t) {
        String id = spec.id();
        String hint = t.optional(spec.name() + ".hint");
        StringJoiner describedBy = new StringJoiner(" ");
        if (hint != null) {
            describedBy.add(id + "-hint");
        }
        if (error != null) {
            describedBy.add(id + "-error");
        }
        List<ChoiceView> choices = choices(spec, form, t);
        String inputType = switch (spec.kind()) {
            case RADIOS -> "radio";
            case CHECKBOXES, CHECKBOX -> "checkbox";
            default -> spec.inputType();
        };
        boolean group = spec.kind() == Kind.RADIOS || spec.kind() == Kind.CHECKBOXES;
        return new FieldView(spec.name(), id, spec.kind().name().toLowerCase(Locale.ROOT), t.get(spec.name() + ".label"),
                shortLabel(spec.name(), t), hint,
                error, describedBy.length() == 0 ? null : describedBy.toString(), spec.required(), form.value(spec.name()),
                choices, inputType, spec.autocomplete(), spec.inputmode(), spec.maxLength(), form.checked(spec.name()),
                group ? choices.get(0).id() : id);
    }

    private static List<ChoiceView> choices(FieldSpec spec, ConcernForm form, Texts t) {
        List<String> posted = form.values(spec.name());
        List<ChoiceView> choices = new ArrayList<>();
        if (spec.name().equals("person.language")) {
            choices.add(new ChoiceView(null, "", t.get("languageUnknown"), null, posted.isEmpty()));
            choices.addAll(languages(posted, t.locale()));
            return choices;
        }
        if (spec.vocabulary() == null) {
            return choices;
        }
        if (spec.kind() == Kind.SELECT) {
            choices.add(new ChoiceView(null, "", t.get("choose"), null, posted.isEmpty()));
        }
        for (Enum<?> value : spec.vocabulary().getEnumConstants()) {
            String code = Vocabulary.code(value);
            String hint = t.optional(spec.name() + "." + value.name() + ".hint");
            choices.add(new ChoiceView(spec.id() + "-" + code, code, ((Labelled) value).label(t.locale()), hint,
                    posted.contains(code)));
        }
        return choices;
    }

    /** The offered languages, named by the JDK in the reader's language and sorted as the reader would. */
    private static List<ChoiceView> languages(List<String> posted, Locale reader) {
        List<String> codes = new ArrayList<>(FormFields.PERSON_LANGUAGES);
        posted.stream().filter(code -> !codes.contains(code)).forEach(codes::add);
        Collator collator = Collator.getInstance(reader);
        return codes.stream()
                .map(code -> new ChoiceView(null, code, languageName(code, reader), null, posted.contains(code)))
                .sorted(Comparator.comparing(ChoiceView::label, collator))
                .toList();
    }

    private static String languageName(String code, Locale reader) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
    }
}
