package dk.skp.staff.search;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.search.ConcernSearchRepository.After;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a page of search results ended: opaque to clients, the last row's (rank, receivedAt, id) inside. The rank is
 * the exact decimal the query computed, so the next page starts exactly after it.
 */
record SearchCursor(BigDecimal rank, Instant receivedAt, UUID id) {

    String encode() {
        String raw = rank.toPlainString() + ":" + receivedAt.getEpochSecond() + ":" + receivedAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    After after() {
        return new After(rank, receivedAt, id);
    }

    static SearchCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split(":");
            if (parts.length != 4) {
                throw new IllegalArgumentException("not a search cursor");
            }
            return new SearchCursor(new BigDecimal(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]),
                    Long.parseLong(parts[2])), UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null,
                    List.of(new FieldError("after", "query.after")), null, null);
        }
    }
}
