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

    static String answerFixture() throws IOException {
        try (InputStream in = MessageCodecTest.class.getResourceAsStream("/fixtures/reporter-answered-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void answerFixtureDecodesAndEncodesExactly() throws IOException {
        ReporterAnswered answer = MessageCodec.decodeAnswer(answerFixture());
        assertEquals(1, answer.schemaVersion());
        assertEquals(UUID.fromString("5d2e7a14-3c9b-4f61-8e20-7b1a9c4d6f31"), answer.messageId());
        assertEquals("SKP-7K4M-2QXD", answer.reference());
        assertEquals(UUID.fromString("a3c81f0e-92d4-4b57-b6e1-0f4d2c8a9e75"), answer.questionId());
        assertEquals(Instant.parse("2026-11-25T18:42:10.500Z"), answer.answeredAt());
        assertEquals("en", answer.language());
        assertTrue(answer.answer().startsWith("Yes, he is usually"));

        ObjectMapper plain = new ObjectMapper();
        assertEquals(plain.readTree(answerFixture()), plain.readTree(MessageCodec.encode(answer)));
    }

    @Test
    void anAnswerWithAnotherVersionOrWithoutItsQuestionIsRefusedWithoutEchoingIt() throws IOException {
        String future = answerFixture().replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
        var e = assertThrows(MessageCodec.UnsupportedMessageException.class, () -> MessageCodec.decodeAnswer(future));
        assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());

        String orphan = answerFixture().replace("\"questionId\": \"a3c81f0e-92d4-4b57-b6e1-0f4d2c8a9e75\",", "");
        var bad = assertThrows(MessageCodec.UnsupportedMessageException.class, () -> MessageCodec.decodeAnswer(orphan));
        assertTrue(!bad.getMessage().contains("bench"), bad.getMessage());
        // A concern's message is not an answer, and the other way round.
        assertThrows(MessageCodec.UnsupportedMessageException.class, () -> MessageCodec.decodeAnswer(fixture()));
    }
}
