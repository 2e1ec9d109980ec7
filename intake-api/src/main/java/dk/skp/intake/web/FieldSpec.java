package dk.skp.intake.web;

import dk.skp.model.concern.Observations;
import dk.skp.model.concern.Person;
import dk.skp.model.concern.Reporter;
import dk.skp.model.concern.Whereabouts;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * One field of the form. Its name is the field's path in the v1 concern (reporter.role, whereabouts.postcode), so a
 * validation error on that path lands next to it.
 *
 * @param vocabulary the enum whose labels are the choices, or null
 * @param required   whether the concern cannot be sent without it (as the concern's own validation says)
 * @param contact    one of the reporter's contact details, which an anonymous reporter leaves out
 */
record FieldSpec(String name, Kind kind, Class<? extends Enum<?>> vocabulary, boolean required, String inputType,
        String autocomplete, String inputmode, Integer maxLength, boolean contact) {

    enum Kind {
        TEXT, TEXTAREA, RADIOS, CHECKBOXES, SELECT, CHECKBOX
    }

    private static final Map<String, Class<? extends Record>> PARTS = Map.of("reporter", Reporter.class, "person", Person.class,
            "whereabouts", Whereabouts.class, "observations", Observations.class);

    static FieldSpec text(String name, String inputType, String autocomplete, String inputmode) {
        return new FieldSpec(name, Kind.TEXT, null, false, inputType, autocomplete, inputmode, sizeLimit(name), false);
    }

    static FieldSpec textarea(String name) {
        return new FieldSpec(name, Kind.TEXTAREA, null, false, null, null, null, sizeLimit(name), false);
    }

    static FieldSpec choice(String name, Kind kind, Class<? extends Enum<?>> vocabulary, boolean required) {
        return new FieldSpec(name, kind, vocabulary, required, null, null, null, null, false);
    }

    static FieldSpec checkbox(String name) {
        return new FieldSpec(name, Kind.CHECKBOX, null, false, null, null, null, null, false);
    }

    FieldSpec withMaxLength(int maxLength) {
        return new FieldSpec(name, kind, vocabulary, required, inputType, autocomplete, inputmode, maxLength, contact);
    }

    FieldSpec asContact() {
        return new FieldSpec(name, kind, vocabulary, required, inputType, autocomplete, inputmode, maxLength, true);
    }

    String id() {
        return name.replace('.', '-');
    }

    /** The @Size(max) of the concern's field, so that the browser stops where validation would. */
    private static Integer sizeLimit(String name) {
        int dot = name.indexOf('.');
        Class<? extends Record> part = dot < 0 ? null : PARTS.get(name.substring(0, dot));
        if (part == null) {
            return null;
        }
        try {
            Size size = part.getDeclaredField(name.substring(dot + 1)).getAnnotation(Size.class);
            return size == null ? null : size.max();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the form names a field the concern does not have: " + name, e);
        }
    }
}
