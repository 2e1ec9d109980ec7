package dk.skp.model.problem;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The service speaks Danish and English; Danish unless the reader prefers English. The one place that reads
 * Accept-Language: its parsing is total, because the framework's own ({@code HttpHeaders.getAcceptableLanguages()})
 * throws on headers such as {@code en;q=1.5} or {@code ;;;q=abc}, and a header is no reason to fail a request.
 */
public final class Languages {

    public static final Locale DANISH = Locale.forLanguageTag("da");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** More of a header than any browser sends is not read. */
    private static final int MAX_HEADER_LENGTH = 1_000;

    private Languages() {
    }

    /** Picks from an Accept-Language list (already sorted by preference). */
    public static Locale pick(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                Locale ours = ours(locale.getLanguage());
                if (ours != null) {
                    return ours;
                }
            }
        }
        return DANISH;
    }

    /** The reader's language from the request's Accept-Language header; never throws. */
    public static Locale of(HttpHeaders headers) {
        return headers == null ? DANISH : fromHeader(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /**
     * The reader's language from an Accept-Language header, whatever it holds. Ranges in order of their weight (q);
     * a range whose weight is not a number from 0 to 1, or is 0, is left out, as is anything that is no language
     * range; the first Danish (or Norwegian) or English range wins; Danish when there is none.
     */
    public static Locale fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return DANISH;
        }
        String text = header.length() > MAX_HEADER_LENGTH ? header.substring(0, MAX_HEADER_LENGTH) : header;
        record Range(String language, double weight, int position) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = text.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].split(";");
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            int dash = tag.indexOf('-');
            String language = dash < 0 ? tag : tag.substring(0, dash);
            Double weight = 1.0;
            for (int p = 1; p < pieces.length && weight != null; p++) {
                String parameter = pieces[p].strip();
                if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                    weight = weight(parameter.substring(2));
                }
            }
            if (weight != null && weight > 0 && ours(language) != null) {
                ranges.add(new Range(language, weight, i));
            }
        }
        return ranges.stream().min(Comparator.comparingDouble((Range r) -> -r.weight()).thenComparingInt(Range::position))
                .map(r -> ours(r.language())).orElse(DANISH);
    }

    /** A weight as RFC 9110 writes it (0 to 1, at most three decimals), or null. */
    private static Double weight(String text) {
        if (!text.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)")) {
            return null;
        }
        return Double.parseDouble(text);
    }

    private static Locale ours(String language) {
        return switch (language) {
        case "da", "nb", "no" -> DANISH;
        case "en" -> ENGLISH;
        default -> null;
        };
    }

    public static Locale of(String code) {
        return "en".equals(code) ? ENGLISH : DANISH;
    }
}
