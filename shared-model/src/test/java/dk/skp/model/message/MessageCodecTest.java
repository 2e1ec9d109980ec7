package dk.skp.model.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Indicator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fixture pins the wire shape; both services test against the same file. */
class MessageCodecTest {

    static String fixture() throws IOException {
        try (InputStream in = MessageCodecTest.class.getResourceAsStream("/fixtures/concern-submitted-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fixtureDecodesToTheExpectedValues() throws IOException {
        ConcernSubmitted message = MessageCodec.decode(fixture());
        assertEquals(1, message.schemaVersion());
        assertEquals(UUID.fromString("0b9f3c52-6f0e-4d7e-9a51-2f1d8c6a7e10"), message.messageId());
        assertEquals("SKP-7K4M-2QXD", message.reference());
        assertEquals(Instant.parse("2026-11-23T08:15:30.123Z"), message.receivedAt());
        assertEquals(Channel.PARTNER_API, message.channel());
        assertEquals(AgeBand.AGE_30_49, message.concern().person().ageBand());
        assertTrue(message.concern().observations().indicators().contains(Indicator.REPEATED_EMERGENCY_VISITS));
        assertEquals("The bushes behind the railway station, north side", message.concern().whereabouts().placeDescription());
    }

    @Test
    void encodingReproducesTheFixtureExactly() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        JsonNode expected = plain.readTree(fixture());
        JsonNode actual = plain.readTree(MessageCodec.encode(MessageCodec.decode(fixture())));
        assertEquals(expected, actual);
    }

    @Test
    void unknownSchemaVersionsAndGarbageAreRefusedWithoutEchoingTheContent() throws IOException {
        String future = fixture().replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
        var e = assertThrows(MessageCodec.UnsupportedMessageException.class, () -> MessageCodec.decode(future));
        assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());

        String badEnum = fixture().replace("\"HOMELESS\"", "\"Jens Hansen is HOMELESS\"");
        var bad = assertThrows(MessageCodec.UnsupportedMessageException.class, () -> MessageCodec.decode(badEnum));
        assertTrue(!bad.getMessage().contains("Jens"), bad.getMessage());
    }

    @Test
    void fieldsAddedWithinAVersionAreIgnored() throws IOException {
        String extended = fixture().replace("\"partnerId\"", "\"addedLater\": {\"x\": 1},\n  \"partnerId\"");
        assertEquals("SKP-7K4M-2QXD", MessageCodec.decode(extended).reference());
    }
}
