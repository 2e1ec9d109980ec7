package dk.skp.model.reference;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Crockford's base32: digits and letters without I, L, O and U, so codes survive being read aloud, typed on a
 * phone or copied by hand. Used for references and passcodes.
 */
public final class Crockford {

    static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Crockford() {
    }

    /** {@code length} random symbols, 5 bits each. */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    /** Upper case, without dashes and spaces, with the look-alikes O→0 and I, L→1 read the way they were meant. */
    public static String normalise(String typed) {
        return typed.trim().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
