package dk.skp.model.openapi;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Named string schemas for the items of string lists ({@code @Schema(type = ARRAY, implementation = Strings.X.class)}):
 * an annotation cannot stand on a type argument, so a list's items get their limits from one of these.
 */
public final class Strings {

    private Strings() {
    }

    @Schema(name = "Postcode", type = SchemaType.STRING, maxLength = 4, pattern = "^[0-9]{4}$",
            description = "A four-digit Danish postcode.")
    public static final class Postcode {
    }

    @Schema(name = "FieldPath", type = SchemaType.STRING, maxLength = 100, pattern = "^[a-zA-Z.]+$",
            description = "A dotted JSON path of a field, e.g. whereabouts.address.")
    public static final class FieldPath {
    }
}
