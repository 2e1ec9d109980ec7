package dk.skp.model.exchange;

import dk.skp.model.reference.Crockford;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reporter passcodes as they are kept in exchange.reporter_status: HMAC-SHA256 with a server-side secret
 * ({@code SKP_PASSCODE_SECRET}, the same for intake, which issues and checks them, and staff, which issues them for
 * concerns it enters). A passcode has only 50 random bits, so a bare SHA-256 of it could be searched out of a stolen
 * table in hours; with the secret kept out of the database a stolen table alone gives nothing.
 * <p>
 * Stored as {@code h1:<hex>}. Rows written before the secret existed hold a bare 64-hex SHA-256; they still verify
 * until their concern's retention erases them (intake may not rewrite the column, and the passcode is not known
 * except when the reporter types it), so no migration is needed and none can be lost.
 */
public final class PasscodeHasher {

    static final String PREFIX = "h1:";
    /** Below this the secret is guessable, which would make the HMAC no better than the bare hash. */
    public static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    public PasscodeHasher(String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("skp.passcode.secret (SKP_PASSCODE_SECRET) must be at least "
                    + MIN_SECRET_LENGTH + " characters of a long random value, the same for intake and staff");
        }
        this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What to store for a passcode: the HMAC of its normalised form, so that case and dashes do not matter. */
    public String hash(String typed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(Crockford.normalise(typed).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Whether a typed passcode is the one stored, in constant time; also for rows of the bare SHA-256 era. */
    public boolean matches(String stored, String typed) {
        if (stored == null || typed == null) {
            return false;
        }
        String expected = stored.startsWith(PREFIX) ? hash(typed) : legacyHash(typed);
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String legacyHash(String typed) {
        return Secrets.sha256(Crockford.normalise(typed));
    }
}
