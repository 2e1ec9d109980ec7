package dk.skp.model.problem;

/** One bad field: a dotted JSON path such as {@code whereabouts.postcode}, and what is wrong with it. */
public record FieldError(String field, String message) {
}
