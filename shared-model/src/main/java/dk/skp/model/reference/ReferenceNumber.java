package dk.skp.model.reference;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The reference a reporter gets back, e.g. {@code SKP-7K4M-2QXD}: 40 random bits in Crockford base32, which has
 * no I, L, O or U, so it survives being read aloud on the phone or copied by hand. It is random, never a counter,
 * so it tells nothing about how many concerns a municipality receives and cannot be guessed.
 */
public final class ReferenceNumber {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferenceNumber() {
    }

    public static String next() {
        long bits = 0;
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        for (byte b : bytes) {
            bits = (bits << 8) | (b & 0xFF);
        }
        char[] out = new char[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return "SKP-" + new String(out, 0, 4) + "-" + new String(out, 4, 4);
    }

    public static boolean isWellFormed(String reference) {
        return reference != null && FORMAT.matcher(reference).matches();
    }

    /**
     * Reads a reference the way people type it: any case, with or without dashes, O for 0 and I or L for 1.
     *
     * @return the canonical form, or null when it cannot be a reference
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String compact = typed.trim().toUpperCase().replace("-", "").replace(" ", "");
        if (compact.startsWith("SKP")) {
            compact = compact.substring(3);
        }
        compact = compact.replace('O', '0').replace('I', '1').replace('L', '1');
        if (compact.length() != 8) {
            return null;
        }
        String canonical = "SKP-" + compact.substring(0, 4) + "-" + compact.substring(4);
        return isWellFormed(canonical) ? canonical : null;
    }
}
