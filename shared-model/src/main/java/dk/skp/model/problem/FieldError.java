package dk.skp.model.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bad field: a dotted JSON path such as {@code whereabouts.postcode}, and what is wrong with it. */
public record FieldError(@Schema(maxLength = 200) String field, @Schema(maxLength = 1000) String message) {
}
