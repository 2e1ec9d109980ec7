package dk.skp.staff.rest;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reading query parameters the same way on every staff endpoint: blank means absent, anything else is parsed or
 * answered with a 400 problem+json that names the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw badQuery(field, "query.uuid");
        }
    }

    /** A constant of {@code type}, by name; the problem lists the names that exist. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw badQuery(field, messageKey + "|" + allowed);
        }
    }

    /**
     * An instant as given, or a date: the start of that day in {@code zone}, or for an upper bound the start of the
     * next day, so that {@code to=2026-11-30} includes the 30th.
     */
    public static Instant instant(String field, String value, boolean upperBound, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (upperBound ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw badQuery(field, "query.instant");
        }
    }

    /** A required calendar day, yyyy-MM-dd. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw badQuery(field, "field.required");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            throw badQuery(field, "query.date");
        }
    }

    /** Fails unless {@code from} lies before {@code to}, where both are given. */
    public static void requireOrder(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw badQuery("to", "query.range");
        }
    }

    public static ProblemException badQuery(String field, String messageKey) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, null, List.of(new FieldError(field, messageKey)), null, null);
    }

    /** A concern's reference in any case, dashes optional, as SKP-XXXX-XXXX; null when absent; a 400 naming it otherwise. */
    public static String reference(String name, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String normalised = dk.skp.model.reference.ReferenceNumber.normalise(reference);
        if (normalised == null) {
            throw badQuery(name, "query.reference");
        }
        return normalised;
    }
}
