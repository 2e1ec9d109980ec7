package dk.skp.model.hostile;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates hostile input from one seeded {@link Random}, so that a failing run is repeated exactly with
 * {@code -Dskp.hostile.seed=<the seed it printed>}. Every choice goes through that one generator, in a fixed order;
 * nothing depends on the clock or on hash order.
 * <p>
 * Most hostile strings carry {@link #MARKER}, so that a test can prove none of them reached the log.
 */
public final class Hostile {

    /** In (nearly) every hostile text: it must never appear in any log line. */
    public static final String MARKER = "Zq7HostileMarker";

    /** What a request's mutation was, for the counts a test prints. */
    public enum Kind {
        VALID, HOSTILE_STRING, WRONG_TYPE, TRUNCATED, GARBAGE_BYTES, NOT_UTF8, UNKNOWN_FIELD, MISSING_FIELD,
        DEEP_NESTING, DUPLICATE_KEY, EMPTY_BODY, CONTENT_TYPE, HEADER, PATH, QUERY
    }

    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final long seed;
    private final Random random;

    private Hostile(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Seeded from {@code -Dskp.hostile.seed} when given, else from the clock; the seed is printed either way. */
    public static Hostile seeded(String testName) {
        Long given = Long.getLong("skp.hostile.seed");
        long seed = given != null ? given : System.nanoTime();
        System.out.printf("%s: hostile seed %d (repeat with -Dskp.hostile.seed=%d)%n", testName, seed, seed);
        return new Hostile(seed);
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    @SafeVarargs
    public final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    // --- strings ---------------------------------------------------------------------------------------------------

    /** A text no well-behaved client sends: NUL, lone surrogates, bidi overrides, 100k characters, emoji, ... */
    public String string() {
        String m = MARKER;
        List<Supplier<String>> kinds = List.of(
                () -> "a\u0000" + m,
                () -> m + "\u0000",
                () -> "\uD800" + m,
                () -> m + "\uDC00x",
                () -> "\uDBFF\uDBFF" + m,
                () -> "\u202E" + m + "\u202C\u2066",
                () -> m + "x".repeat(100_000),
                () -> m + "y".repeat(1_000 + random.nextInt(5_000)),
                () -> "\uD83E\uDDDF\u200D\u2642\uFE0F\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67" + m,
                () -> "e" + "\u0301\u0327\u0336".repeat(200) + m,
                () -> "\u200B\uFEFF\u2060" + m,
                () -> "\u0001\u001B[31m\u0007" + m,
                () -> "\uFFFE\uFFFF" + m,
                () -> m + "\u2028\u2029\u0085",
                () -> "' OR 1=1; -- " + m,
                () -> "<script>alert('" + m + "')</script>",
                () -> "${jndi:ldap://x/" + m + "}{{7*7}}%s%n",
                () -> "99999999999999999999999999999999",
                () -> "-1",
                () -> "",
                () -> " \t\r\n ",
                () -> "\\u0000" + m,
                () -> "%00%ff" + m);
        return oneOf(kinds).get();
    }

    // --- JSON bodies -----------------------------------------------------------------------------------------------

    public record Body(Kind kind, byte[] bytes) {
    }

    /** A mutation of a valid body; about one in {@code validOneIn} is sent as it is, as a control. */
    public Body mutate(JsonNode valid, int validOneIn) {
        if (random.nextInt(validOneIn) == 0) {
            return new Body(Kind.VALID, write(valid, false));
        }
        Kind kind = oneOf(Kind.HOSTILE_STRING, Kind.HOSTILE_STRING, Kind.HOSTILE_STRING, Kind.WRONG_TYPE,
                Kind.WRONG_TYPE, Kind.TRUNCATED, Kind.GARBAGE_BYTES, Kind.NOT_UTF8, Kind.UNKNOWN_FIELD,
                Kind.MISSING_FIELD, Kind.DEEP_NESTING, Kind.DUPLICATE_KEY, Kind.EMPTY_BODY);
        JsonNode copy = valid.deepCopy();
        byte[] bytes = switch (kind) {
        case HOSTILE_STRING -> {
            String text = string();
            JsonNode changed = replaceLeaf(copy, JsonNodeFactory.instance.textNode(text), true);
            yield write(changed, hasLoneSurrogate(text) || random.nextBoolean());
        }
        case WRONG_TYPE -> write(replaceLeaf(copy, wrongType(), false), false);
        case TRUNCATED -> {
            byte[] whole = write(copy, random.nextBoolean());
            yield java.util.Arrays.copyOf(whole, whole.length == 0 ? 0 : random.nextInt(whole.length));
        }
        case GARBAGE_BYTES -> garbage(write(copy, false));
        case NOT_UTF8 -> notUtf8(write(copy, false));
        case UNKNOWN_FIELD -> {
            if (copy instanceof ObjectNode object) {
                object.put(oneOf("__proto__", "constructor", "id", "status", "x".repeat(300), "\u0000"), string());
            }
            yield write(copy, true);
        }
        case MISSING_FIELD -> write(removeField(copy), false);
        case DEEP_NESTING -> {
            int depth = oneOf(100, 2_000, 20_000);
            yield ("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
        }
        case DUPLICATE_KEY -> {
            String json = new String(write(copy, false), StandardCharsets.UTF_8);
            int brace = json.indexOf('{');
            yield brace < 0 ? json.getBytes(StandardCharsets.UTF_8)
                    : (json.substring(0, brace + 1) + firstFieldAgain(copy) + json.substring(brace + 1))
                            .getBytes(StandardCharsets.UTF_8);
        }
        case EMPTY_BODY -> oneOf("", " ", "null", "[]", "\"\"", "0", "{}", "{\"\":null}").getBytes(StandardCharsets.UTF_8);
        default -> throw new IllegalStateException(kind.name());
        };
        return new Body(kind, bytes);
    }

    private String firstFieldAgain(JsonNode node) {
        Iterator<String> names = node.fieldNames();
        String name = names.hasNext() ? names.next() : "x";
        return "\"" + name + "\":" + oneOf("null", "1", "\"" + MARKER + "\"", "{}", "[]") + ",";
    }

    private JsonNode wrongType() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return oneOf(List.<Supplier<JsonNode>>of(
                () -> f.numberNode(new java.math.BigDecimal("1e400")),
                () -> f.numberNode(new java.math.BigInteger("99999999999999999999999999999")),
                () -> f.numberNode(-1),
                () -> f.numberNode(1.5),
                () -> f.booleanNode(true),
                () -> f.arrayNode().add(MARKER),
                () -> f.objectNode().put("x", MARKER),
                () -> f.nullNode(),
                () -> f.textNode("NOT_A_CODE_" + MARKER),
                () -> f.textNode("2026-13-45T99:99:99Z"))).get();
    }

    /** Replaces a leaf (or, when {@code leavesOnly} is false, any node) picked at random with {@code value}. */
    private JsonNode replaceLeaf(JsonNode root, JsonNode value, boolean leavesOnly) {
        List<JsonNode[]> slots = new ArrayList<>(); // {parent, index-or-name holder}
        List<Object> keys = new ArrayList<>();
        collect(root, slots, keys, leavesOnly);
        if (slots.isEmpty()) {
            return value;
        }
        int pick = random.nextInt(slots.size());
        JsonNode parent = slots.get(pick)[0];
        Object key = keys.get(pick);
        if (parent instanceof ObjectNode object) {
            object.set((String) key, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) key, value);
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode[]> slots, List<Object> keys, boolean leavesOnly) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                JsonNode child = object.get(name);
                if (!leavesOnly || !child.isContainerNode()) {
                    slots.add(new JsonNode[] { object });
                    keys.add(name);
                }
                collect(child, slots, keys, leavesOnly);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (!leavesOnly || !array.get(i).isContainerNode()) {
                    slots.add(new JsonNode[] { array });
                    keys.add(i);
                }
                collect(array.get(i), slots, keys, leavesOnly);
            }
        }
    }

    private JsonNode removeField(JsonNode root) {
        List<JsonNode[]> slots = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        collect(root, slots, keys, false);
        if (slots.isEmpty()) {
            return root;
        }
        int pick = random.nextInt(slots.size());
        if (slots.get(pick)[0] instanceof ObjectNode object) {
            object.remove((String) keys.get(pick));
        } else if (slots.get(pick)[0] instanceof ArrayNode array) {
            array.remove((Integer) keys.get(pick));
        }
        return root;
    }

    private byte[] garbage(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = json.length == 0 ? 0 : random.nextInt(json.length);
        out.write(json, 0, at);
        String junk = oneOf("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uZZZZ", "\u0000", "/*", "NaN", "'",
                "\t\t\t", ",,", "}}}}");
        out.writeBytes(junk.getBytes(StandardCharsets.UTF_8));
        int skip = random.nextInt(3);
        out.write(json, Math.min(json.length, at + skip), json.length - Math.min(json.length, at + skip));
        return out.toByteArray();
    }

    /** Bytes that are no UTF-8 in a string value: Latin-1, a broken sequence, an encoded surrogate, an overlong NUL. */
    private byte[] notUtf8(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        int quote = text.indexOf("\":\"");
        int at = quote < 0 ? json.length / 2 : text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
        byte[][] bad = { { (byte) 0xFF }, { (byte) 0xC3, 0x28 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                { (byte) 0xC0, (byte) 0x80 }, { (byte) 0xE6, (byte) 0xF8, (byte) 0xE5 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };
        byte[] insert = bad[random.nextInt(bad.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.writeBytes(insert);
        out.writeBytes(MARKER.getBytes(StandardCharsets.US_ASCII));
        out.write(json, at, json.length - at);
        return out.toByteArray();
    }

    public static byte[] write(JsonNode node, boolean escapeNonAscii) {
        try {
            return (escapeNonAscii ? ESCAPING : PLAIN).writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    // --- headers, paths, query strings -----------------------------------------------------------------------------

    /** A header value as raw bytes (each char below 256 is one byte): garbage, control characters, 10k long. */
    public String headerValue(String header) {
        String m = MARKER;
        List<String> common = List.of("", " ", "\u0001" + m, m + "\u0000", "\u00e6\u00f8\u00e5" + m, "x".repeat(10_000),
                "\u00ff\u00fe" + m, ",,,;;;===", "\"", "\\\\\\", m.repeat(200));
        List<String> specific = switch (header) {
        case "Accept-Language" -> List.of(";;;q=abc,*-*-*", "da;q=NaN", "en;q=-1", "en;q=1.5,da;q=2", "*",
                "zz-ZZ-x-y-z-1234567890", "en;q=0.5;q=0.3", "en-US,en;q=0.9", "da, en-gb;q=0.8, en;q=0.7",
                "-", "q=1", "en;q=", "e" + "n".repeat(3000), "en;q=0.12345678901234567890");
        case "Content-Type" -> List.of("application/json; charset=latin-7", "application/json;;;", "application/json; charset=\"",
                "application/json; boundary=", "application/json; charset=utf-16", "application/json; charset=x-unknown-" + m,
                "text/plain", "application/*", "*/*", "json", "/", "application/json; q=abc; " + "a=b;".repeat(500),
                "multipart/form-data; boundary=" + m, "application/x-www-form-urlencoded");
        case "Authorization" -> List.of("Bearer", "Bearer ", "Bearer " + m, "Bearer a.b.c", "Bearer eyJ." + m + ".x",
                "Basic !!!", "Basic " + m, "Bearer skp_" + m, "Bearer skp_", "bearer  skp_x", "Negotiate " + m,
                "Bearer " + "A".repeat(9_000), "Bearer \u00e6" + m);
        case "Idempotency-Key" -> List.of("k".repeat(10_000), "key\u0001" + m, "key with spaces " + m, "\u00e6" + m,
                "k".repeat(201), "");
        case "If-Match" -> List.of("\"x", "*", "W/\"1\"", "\"-1\"", "\"99999999999999999999\"", ",", "\"1\", \"2\"",
                "1", "\"\"", "\"" + m + "\"");
        case "Passcode" -> List.of("7K4M-2QXD-9A", "----", m, "0".repeat(5_000), "\u00e6\u00f8" + m);
        case "Proof-Of-Work" -> List.of("bm90IGEgcHJvb2Y=", "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=", "!!!" + m, "e30=",
                "A".repeat(9_000), "eyJudW1iZXIiOi0xfQ==");
        case "X-Forwarded-For" -> List.of("1.2.3.4, ::1, " + m, "999.999.999.999", "[::1]:80", ",".repeat(3_000),
                "unknown", "2001:db8::1%eth0", "127.0.0.1");
        default -> List.of(m);
        };
        return chance(60) ? oneOf(specific) : oneOf(common);
    }

    /** Whether Vert.x may refuse the request itself (empty 400/431) before the application sees it. */
    public static boolean mayBeRefusedByServer(RawHttp.Request request) {
        int headerBytes = 0;
        for (String[] header : request.headers()) {
            headerBytes += header[0].length() + header[1].length() + 4;
            for (char c : header[1].toCharArray()) {
                if (c < 0x20 && c != '\t' || c == 0x7F) {
                    return true;
                }
            }
        }
        if (headerBytes > 8_000 || request.target().length() > 4_000) {
            return true;
        }
        String target = request.target();
        if (target.startsWith("//")) {
            // Read as a network-path reference (RFC 3986 4.2: an authority, then a path), so no path for a route: the
            // server answers an empty 400 before the application sees it. Browsers and HTTP clients never send it.
            return true;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return true;
            }
            // A '%' that starts no escape (%, %z, %zz): the target is no URI (RFC 3986, pct-encoded).
            if (c == '%' && (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** An odd path segment: an escaped NUL, a climb out, 10k long, broken percent-encodings, raw bytes. */
    public String segment() {
        return oneOf("%00", "..%2f..%2fetc%2fpasswd", "%2e%2e", "..", "a".repeat(10_000), "b".repeat(3_000), "%C3%28",
                "%FF", "%", "%zz", "%E2%80%AE" + MARKER, "\u00e6", "x y", ";jsessionid=" + MARKER, "", "%2F",
                "SKP-0000-0000%00", "-1", "99999999999999999999", "%F0%9F%98%80", "%ED%A0%80", MARKER);
    }

    /** An odd query string for the given parameter names. */
    public String query(List<String> names) {
        String name = names.isEmpty() ? "x" : oneOf(names);
        return oneOf(List.<Supplier<String>>of(
                () -> name + "=1&" + name + "=2&" + name + "=3",
                () -> name + "=99999999999999999999999999",
                () -> name + "=-1",
                () -> name + "=-99999999999",
                () -> name + "=%FF%FE",
                () -> name + "=%00" + MARKER,
                () -> name + "=%ED%A0%80",
                () -> name + "=%",
                () -> name + "=%zz",
                () -> name + "=" + "q".repeat(3_000),
                () -> name + "=a=b=c&&&=&" + name,
                () -> name + "=2026-13-45",
                () -> name + "=NaN",
                () -> name + "=1e400",
                () -> name + "=%E2%80%AE" + MARKER,
                () -> "&&&",
                () -> MARKER + "=" + MARKER)).get();
    }
}
