package dk.skp.intake.service;

import dk.skp.intake.service.Catalog.Field;
import dk.skp.intake.service.Catalog.Rule;
import dk.skp.intake.service.Catalog.Term;
import dk.skp.intake.service.Catalog.Text;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.municipality.MunicipalityProfile;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Labelled;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Builds the catalog from the contract itself: fields, limits and patterns are read from the constraints on
 * {@link ConcernReport}, vocabularies from the enums, so the catalog cannot say something the API does not enforce.
 * The conditional rules are those {@link dk.skp.model.concern.ConcernRules} checks.
 */
@ApplicationScoped
public class CatalogService {

    private final Catalog catalog;

    public CatalogService(ServiceNotices notices, MunicipalityProfile profile) {
        Map<String, List<Term>> vocabularies = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>();
        collect("", ConcernReport.class, fields, vocabularies);
        this.catalog = new Catalog(1, List.of("da", "en"),
                new Text(notices.afterSubmission(false, false, Languages.DANISH), notices.afterSubmission(false, false, Languages.ENGLISH)),
                new Text(notices.acuteDanger(Languages.DANISH), notices.acuteDanger(Languages.ENGLISH)),
                childWelfareNotice(profile.childWelfare().route()), profile.childWelfare().route(), profile, vocabularies, fields, rules());
    }

    /** With the municipality's own route when its profile names one, as the API's refusal says it. */
    private static Text childWelfareNotice(String route) {
        if (route == null) {
            return new Text(ProblemType.CHILD_WELFARE.detail(Languages.DANISH), ProblemType.CHILD_WELFARE.detail(Languages.ENGLISH));
        }
        return new Text(ProblemType.message(Languages.DANISH, "CHILD_WELFARE.route|" + route),
                ProblemType.message(Languages.ENGLISH, "CHILD_WELFARE.route|" + route));
    }

    public Catalog catalog() {
        return catalog;
    }

    private static List<Rule> rules() {
        return List.of(
                new Rule("reporter.anonymity", List.of(Anonymity.ANONYMOUS.name()), List.of(), List.of(),
                        List.of("reporter.name", "reporter.organisation", "reporter.phone", "reporter.email"), null),
                new Rule("reporter.anonymity", List.of(Anonymity.CONFIDENTIAL.name(), Anonymity.NAMED.name()), List.of(),
                        List.of("reporter.phone", "reporter.email"), List.of(), null),
                new Rule("reporter.anonymity", List.of(Anonymity.NAMED.name()), List.of("reporter.name"), List.of(), List.of(), null),
                new Rule(null, List.of(), List.of(), List.of("whereabouts.address", "whereabouts.placeDescription"), List.of(), null),
                new Rule("whereabouts.address", List.of(), List.of("whereabouts.usualTimes"), List.of(), List.of(), null),
                new Rule("person.ageBand", List.of("UNDER_18"), List.of(), List.of(), List.of(),
                        new Text(ProblemType.CHILD_WELFARE.detail(Languages.DANISH), ProblemType.CHILD_WELFARE.detail(Languages.ENGLISH))));
    }

    private static void collect(String prefix, Class<?> type, List<Field> fields, Map<String, List<Term>> vocabularies) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> valueType = component.getType();
            if (valueType.isRecord()) {
                collect(path + ".", valueType, fields, vocabularies);
                continue;
            }
            String kind = "text";
            String vocabulary = null;
            if (valueType.isEnum()) {
                kind = "code";
                vocabulary = vocabulary(valueType, vocabularies);
            } else if (List.class.isAssignableFrom(valueType)) {
                kind = "codes";
                Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                vocabulary = vocabulary(element, vocabularies);
            } else if (valueType == boolean.class) {
                kind = "boolean";
            }
            Size size = component.getAccessor().getAnnotation(Size.class);
            Pattern pattern = component.getAccessor().getAnnotation(Pattern.class);
            boolean required = component.getAccessor().isAnnotationPresent(NotNull.class)
                    || component.getAccessor().isAnnotationPresent(NotEmpty.class);
            Integer max = size == null ? null : size.max();
            fields.add(new Field(path, kind, vocabulary, required, "text".equals(kind) ? max : null,
                    "codes".equals(kind) ? max : null, pattern == null ? null : pattern.regexp(),
                    text(path + ".label"), text(path + ".help")));
        }
    }

    private static String vocabulary(Class<?> enumType, Map<String, List<Term>> vocabularies) {
        vocabularies.computeIfAbsent(enumType.getSimpleName(), name -> {
            List<Term> terms = new ArrayList<>();
            for (Object constant : enumType.getEnumConstants()) {
                Labelled value = (Labelled) constant;
                terms.add(new Term(wireName((Enum<?>) constant), new Text(value.labelDa(), value.labelEn())));
            }
            return terms;
        });
        return enumType.getSimpleName();
    }

    private static String wireName(Enum<?> constant) {
        try {
            JsonProperty renamed = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return renamed != null ? renamed.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    private static Text text(String key) {
        return new Text(bundle(Languages.DANISH).getString(key), bundle(Languages.ENGLISH).getString(key));
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("dk.skp.intake.service.Catalog", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
