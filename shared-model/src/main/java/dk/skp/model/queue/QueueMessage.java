package dk.skp.model.queue;

import java.time.Instant;
import java.util.UUID;

/** A claimed message. {@code attempts} counts earlier failed deliveries. */
public record QueueMessage(UUID id, String topic, String payload, Instant enqueuedAt, int attempts) {
}
