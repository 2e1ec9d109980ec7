package dk.skp.model.message;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The queue message intake sends and staff consumes. The schema version travels in the message, so a consumer
 * can refuse what it does not understand instead of misreading it.
 *
 * @param partnerId the partner organisation that sent it, or null for the public web form
 */
public record ConcernSubmitted(
        int schemaVersion,
        UUID messageId,
        String reference,
        Instant receivedAt,
        Channel channel,
        String partnerId,
        ConcernReport concern) {

    public static final int CURRENT_SCHEMA_VERSION = 1;
    /** The queue topic this message travels on. */
    public static final String TOPIC = "concern-submitted";

    public ConcernSubmitted {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(concern, "concern");
    }

    public static ConcernSubmitted v1(UUID messageId, String reference, Instant receivedAt, Channel channel,
            String partnerId, ConcernReport concern) {
        return new ConcernSubmitted(CURRENT_SCHEMA_VERSION, messageId, reference, receivedAt, channel, partnerId, concern);
    }
}
