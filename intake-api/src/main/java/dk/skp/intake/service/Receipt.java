package dk.skp.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What intake promises the reporter once the concern is safely queued.
 *
 * @param passcode       for status look-ups, shown once; null unless the reporter asked for status updates
 * @param redactedFields fields from which CPR numbers were removed before anything was stored
 * @param locale         the language the notice is in
 */
public record Receipt(String reference, Instant receivedAt, String serviceNotice, String passcode,
        List<String> redactedFields, boolean acuteDanger, Locale locale) {
}
