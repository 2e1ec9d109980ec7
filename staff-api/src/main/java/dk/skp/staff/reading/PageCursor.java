package dk.skp.staff.reading;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Where a page ended: opaque to clients, the last row's (receivedAt, id) inside. */
record PageCursor(Instant receivedAt, UUID id) {

    String encode() {
        String raw = receivedAt.getEpochSecond() + ":" + receivedAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return new PageCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null,
                    List.of(new FieldError("after", "query.after")), null, null);
        }
    }
}
