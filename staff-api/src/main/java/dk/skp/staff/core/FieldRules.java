package dk.skp.staff.core;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import java.util.List;

/** Small helpers for the rules services check beyond Bean Validation. */
public final class FieldRules {

    private FieldRules() {
    }

    /** One 422 naming every broken rule, so the client can fix them all at once. */
    public static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, null, List.copyOf(errors), null, null);
        }
    }

    /** A 422 for one field that breaks a rule. */
    public static ProblemException invalid(String field, String messageKey) {
        return new ProblemException(ProblemType.INVALID_FIELDS, null, List.of(new FieldError(field, messageKey)), null,
                null);
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }
}
