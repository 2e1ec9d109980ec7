package dk.skp.intake.service;

import dk.skp.model.problem.Languages;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What intake promises the reporter once the concern is safely queued.
 *
 * @param passcode       for status look-ups, shown once; null unless the reporter asked for status updates
 * @param redactedFields fields from which CPR numbers were removed before anything was stored
 * @param replayed       true when this is the stored answer to an earlier request with the same Idempotency-Key
 */
public record Receipt(String reference, Instant receivedAt, String serviceNotice, String passcode,
        List<String> redactedFields, boolean acuteDanger, Locale locale, boolean replayed) {

    public SubmissionResponse toResponse() {
        return new SubmissionResponse(reference, receivedAt, locale.getLanguage(), serviceNotice, passcode, redactedFields);
    }

    static Receipt replayOf(SubmissionResponse stored) {
        return new Receipt(stored.reference(), stored.receivedAt(), stored.serviceNotice(), null,
                stored.redactedFields() == null ? List.of() : stored.redactedFields(), false,
                Languages.of(stored.language()), true);
    }
}
