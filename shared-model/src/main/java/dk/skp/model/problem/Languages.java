package dk.skp.model.problem;

import java.util.List;
import java.util.Locale;

/** The service speaks Danish and English; Danish unless the reader prefers English. */
public final class Languages {

    public static final Locale DANISH = Locale.forLanguageTag("da");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Languages() {
    }

    /** Picks from an Accept-Language list (already sorted by preference). */
    public static Locale pick(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                String language = locale.getLanguage();
                if ("da".equals(language) || "nb".equals(language) || "no".equals(language)) {
                    return DANISH;
                }
                if ("en".equals(language)) {
                    return ENGLISH;
                }
            }
        }
        return DANISH;
    }

    public static Locale of(String code) {
        return "en".equals(code) ? ENGLISH : DANISH;
    }
}
