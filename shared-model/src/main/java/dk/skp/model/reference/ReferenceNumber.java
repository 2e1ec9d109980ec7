package dk.skp.model.reference;

import java.util.regex.Pattern;

/**
 * The reference a reporter gets back, e.g. {@code SKP-7K4M-2QXD}: 40 random bits in Crockford base32, which has
 * no I, L, O or U, so it survives being read aloud on the phone or copied by hand. It is random, never a counter,
 * so it tells nothing about how many concerns a municipality receives and cannot be guessed.
 */
public final class ReferenceNumber {

    private static final Pattern FORMAT = Pattern.compile("SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private ReferenceNumber() {
    }

    public static String next() {
        String symbols = Crockford.random(8);
        return "SKP-" + symbols.substring(0, 4) + "-" + symbols.substring(4);
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
        String compact = typed.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        if (compact.startsWith("SKP")) {
            compact = compact.substring(3);
        }
        compact = Crockford.normalise(compact);
        if (compact.length() != 8) {
            return null;
        }
        String canonical = "SKP-" + compact.substring(0, 4) + "-" + compact.substring(4);
        return isWellFormed(canonical) ? canonical : null;
    }
}
