package dk.skp.intake.web;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an application/x-www-form-urlencoded body the way browsers define it (WHATWG URL standard): never failing.
 * A {@code %} that starts no escape stays as it is, bytes that are no UTF-8 become U+FFFD, a body cut short is read
 * as far as it goes. The framework's own form reader throws on a broken escape, and the page then ended in a 500;
 * here whatever arrives is just a form with odd values, which the page's validation answers.
 */
public final class FormBody {

    private FormBody() {
    }

    public static MultivaluedMap<String, String> parse(byte[] body) {
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        if (body == null) {
            return fields;
        }
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    int equals = start;
                    while (equals < i && body[equals] != '=') {
                        equals++;
                    }
                    String name = decode(body, start, equals);
                    String value = equals < i ? decode(body, equals + 1, i) : "";
                    fields.add(name, value);
                }
                start = i + 1;
            }
        }
        return fields;
    }

    /** Percent-decodes bytes, then reads them as UTF-8 with replacement. */
    static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%' && hex(body, i + 1, to) >= 0 && hex(body, i + 2, to) >= 0) {
                bytes.write(hex(body, i + 1, to) * 16 + hex(body, i + 2, to));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("cannot happen with REPLACE", e);
        }
    }

    private static int hex(byte[] body, int at, int to) {
        if (at >= to) {
            return -1;
        }
        int c = body[at];
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
