package dk.skp.intake.web;

import io.quarkus.qute.TemplateData;


/**
 * @param receivedAt     ISO-8601, for the time element
 * @param receivedAtText the same in words, in Danish time
 * @param passcode       shown once when the reporter asked for status updates; null otherwise
 */
@TemplateData
public record ReceiptPage(String lang, String reference, String receivedAt, String receivedAtText, String serviceNotice,
        boolean acuteDanger, String passcode) {
}
