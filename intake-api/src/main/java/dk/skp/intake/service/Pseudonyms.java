package dk.skp.intake.service;

import dk.skp.model.exchange.PasscodeSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stand-ins for client addresses and mail addresses where intake has to count them in its database: an HMAC with a key
 * derived from the server-side secret, so the same address always gives the same value, but the table alone gives no
 * address back (a bare hash of an IPv4 address is reversed by trying all 2^32).
 */
@ApplicationScoped
public class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(PasscodeSecret secret) {
        // A key of its own, derived from the one secret operators have to set, so these values and the passcode
        // hashes can never be compared with each other.
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.secret().strip().getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"), "skp-intake pseudonyms v1"), "HmacSHA256");
    }

    /** The stand-in for {@code value} when used for {@code purpose}; purposes do not share values. */
    public String of(String purpose, String value) {
        return HexFormat.of().formatHex(hmac(key, purpose + "\u0000" + value));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
