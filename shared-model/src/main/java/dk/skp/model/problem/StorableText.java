package dk.skp.model.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * The one rule for text that PostgreSQL cannot store: a NUL character (text and jsonb refuse it) and a surrogate
 * without its pair (no UTF-8 encoding exists for it). Such text is the client's error, found before anything is
 * stored: every String in a JSON body of either service is checked as it is deserialised ({@link RequestJson}; a 400
 * problem naming the field, like any other malformed field), the APIs' query parameters by
 * {@code dk.skp.model.web.QueryText}, and intake's web form and status page ask the same {@link #storable(String)}.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Whether PostgreSQL can store the text as it is. */
    public static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses unstorable text wherever a JSON body has a String. */
    public static SimpleModule module() {
        return new SimpleModule("skp-storable-text").addDeserializer(String.class, new Deserializer());
    }

    /** Thrown for a field with unstorable text; carries no value, so nothing the client sent is echoed or logged. */
    public static final class UnstorableTextException extends InvalidFormatException {

        UnstorableTextException(JsonParser parser) {
            super(parser, "text that cannot be stored", null, String.class);
        }
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (!storable(text)) {
                throw new UnstorableTextException(parser);
            }
            return text;
        }
    }
}
