package dk.skp.intake.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Vocabulary codes as the JSON API spells them (AgeBand's 18_29 rather than the Java constant AGE_18_29). */
final class Vocabulary {

    private Vocabulary() {
    }

    static String code(Enum<?> value) {
        try {
            JsonProperty renamed = value.getDeclaringClass().getField(value.name()).getAnnotation(JsonProperty.class);
            return renamed != null ? renamed.value() : value.name();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value with this code, or null when there is none. */
    static <E extends Enum<E>> E parse(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (code(value).equals(code)) {
                return value;
            }
        }
        return null;
    }
}
