package dk.skp.staff.overdue;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.mail.OverdueConcern.Deadline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a page of the overdue list ended: opaque to clients, the last row's (dueAt, concern id, deadline) inside. The
 * deadline is part of the key because a concern could in principle miss both at once.
 */
record OverdueCursor(Instant dueAt, UUID concernId, Deadline missed) {

    private static final String KIND = "o";

    String encode() {
        String raw = KIND + ":" + dueAt.getEpochSecond() + ":" + dueAt.getNano() + ":" + concernId + ":" + missed;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static OverdueCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 5 || !KIND.equals(parts[0])) {
                throw new IllegalArgumentException("not an overdue cursor");
            }
            return new OverdueCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    UUID.fromString(parts[3]), Deadline.valueOf(parts[4]));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null,
                    List.of(new FieldError("after", "query.after")), null, null);
        }
    }
}
