package dk.skp.model.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * A message parked after too many failed deliveries, as an operator may see it: where and when it came from and
 * why it failed. Deliberately without the payload, which is personal data.
 */
public record DeadMessage(UUID id, String topic, Instant enqueuedAt, int attempts, String lastError, Instant deadAt) {
}
