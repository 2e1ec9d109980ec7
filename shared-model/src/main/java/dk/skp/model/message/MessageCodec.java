package dk.skp.model.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns queue messages into JSON and back. Deliberately independent of the services' own Jackson settings: the
 * wire format is pinned by a fixture, and a change to a REST setting must not change what is on the queue.
 */
public final class MessageCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Fields added within a schema version are additive; an older consumer may skip them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MessageCodec() {
    }

    /** JSON with a fixed field order, for comparing two values by hash. */
    public static String canonicalJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " could not be written as JSON", e);
        }
    }

    public static String encode(ConcernSubmitted message) {
        return write(message);
    }

    public static String encode(ReporterAnswered message) {
        return write(message);
    }

    /**
     * @throws UnsupportedMessageException when the message is not JSON or carries a schema version this code does not know
     */
    public static ConcernSubmitted decode(String json) {
        return read(json, ConcernSubmitted.class, ConcernSubmitted.CURRENT_SCHEMA_VERSION);
    }

    /**
     * @throws UnsupportedMessageException when the message is not JSON or carries a schema version this code does not know
     */
    public static ReporterAnswered decodeAnswer(String json) {
        return read(json, ReporterAnswered.class, ReporterAnswered.CURRENT_SCHEMA_VERSION);
    }

    private static String write(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(message.getClass().getSimpleName() + " could not be written as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type, int knownVersion) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            int version = tree.path("schemaVersion").asInt(-1);
            if (version != knownVersion) {
                throw new UnsupportedMessageException("unsupported schemaVersion " + version
                        + "; this consumer reads version " + knownVersion);
            }
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Jackson's message quotes the offending input, which may be personal data: keep only the location.
            throw new UnsupportedMessageException("message is not a valid " + type.getSimpleName() + ": "
                    + e.getClass().getSimpleName());
        }
    }

    public static class UnsupportedMessageException extends RuntimeException {
        public UnsupportedMessageException(String message) {
            super(message);
        }
    }
}
