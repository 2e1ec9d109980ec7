package dk.skp.model.exchange;

import dk.skp.model.reference.Crockford;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Partner API keys and reporter passcodes: made here, shown once, and from then on kept only as a hash. A key has
 * 256 random bits, so its bare SHA-256 is enough; a passcode has only 50 and is kept as an HMAC with a server-side
 * secret ({@link PasscodeHasher}). A slow password hash would only slow intake down.
 */
public final class Secrets {

    public static final String API_KEY_PREFIX = "skp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, e.g. {@code skp_3q2Xk...}. */
    public static String newApiKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return API_KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The start of a key, safe to show in lists so that an admin can tell keys apart. */
    public static String displayPrefix(String apiKey) {
        return apiKey.substring(0, Math.min(apiKey.length(), API_KEY_PREFIX.length() + 6));
    }

    /** 50 random bits in Crockford base32, e.g. {@code 7K4M-2QXD-9A}: easy to write down. */
    public static String newPasscode() {
        String symbols = Crockford.random(10);
        return symbols.substring(0, 4) + "-" + symbols.substring(4, 8) + "-" + symbols.substring(8);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
