package dk.skp.intake.service;

import java.time.Instant;

/** What intake promises the reporter once the concern is safely queued. */
public record Receipt(String reference, Instant receivedAt, boolean acuteDanger) {
}
