package dk.skp.intake.web;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.problem.Languages;
import dk.skp.model.concern.ConcernRules;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Checks a posted form with the very Bean Validation rules the JSON API applies to the concern, in the form's own
 * language, and the service's rules beyond field shapes (ConcernRules), so that the reporter sees every error at once.
 */
@ApplicationScoped
public class FormValidation {

    private final Map<String, Validator> validators = new LinkedHashMap<>();
    private final ConcernRules rules;

    public FormValidation(ValidatorFactory factory, ConcernRules rules) {
        this.rules = rules;
        for (Locale locale : List.of(Languages.DANISH, Languages.ENGLISH)) {
            validators.put(locale.getLanguage(), factory.usingContext()
                    .messageInterpolator(new FixedLocale(factory.getMessageInterpolator(), locale)).getValidator());
        }
    }

    /** @return field name to message, in the order of the form; empty when the concern may be sent */
    public Map<String, String> validate(ConcernForm form, Texts texts) {
        Map<String, String> errors = new LinkedHashMap<>();
        // Text PostgreSQL cannot store (a NUL character) is the reporter's error, by the rule the JSON API applies.
        for (String field : form.unstorableFields()) {
            errors.put(field, ProblemType.text(texts.locale(), "field.unstorable"));
        }
        for (String field : form.unknownChoices()) {
            errors.putIfAbsent(field, texts.get("invalidChoice"));
        }
        ConcernReport report = form.report();
        validators.get(texts.locale().getLanguage()).validate(report).stream()
                .sorted(Comparator.comparing((ConstraintViolation<ConcernReport> v) -> fieldName(v.getPropertyPath()))
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> errors.putIfAbsent(formField(fieldName(v.getPropertyPath())), v.getMessage()));

        // The rules beyond field shapes are the service's, the same for every client; here only to list them all at once.
        if (report.reporter() != null && report.person() != null && report.whereabouts() != null) {
            try {
                rules.check(report, null);
            } catch (ProblemException e) {
                e.errors().forEach(error -> errors.putIfAbsent(formField(error.field()),
                        ProblemType.message(texts.locale(), error.message())));
            }
        }

        Map<String, String> ordered = new LinkedHashMap<>();
        errors.entrySet().stream().sorted(Comparator.comparingInt(e -> FormFields.position(e.getKey())))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * The form field an error belongs at: the field of that name, or for a rule on a whole part of the concern (a
     * class-level constraint on whereabouts, say) its first field; "" for a rule on the concern as a whole.
     */
    static String formField(String path) {
        if (FormFields.BY_NAME.containsKey(path)) {
            return path;
        }
        return FormFields.ALL.stream().map(FieldSpec::name).filter(name -> !path.isEmpty() && name.startsWith(path + "."))
                .findFirst().orElse("");
    }

    /** whereabouts.postcode, or observations.indicators for any of its elements. */
    static String fieldName(Path path) {
        StringJoiner name = new StringJoiner(".");
        for (Path.Node node : path) {
            if (node.getName() != null && !node.getName().startsWith("<")) {
                name.add(node.getName());
            }
        }
        return name.toString();
    }

    private record FixedLocale(MessageInterpolator delegate, Locale locale) implements MessageInterpolator {
        @Override
        public String interpolate(String template, Context context) {
            return delegate.interpolate(template, context, locale);
        }

        @Override
        public String interpolate(String template, Context context, Locale ignored) {
            return delegate.interpolate(template, context, locale);
        }
    }
}
