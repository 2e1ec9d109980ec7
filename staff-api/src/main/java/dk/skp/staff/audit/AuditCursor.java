package dk.skp.staff.audit;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Where a page of audit rows ended: opaque to clients, the last row's (occurredAt, id) inside. */
record AuditCursor(Instant occurredAt, long id) {

    String encode() {
        String raw = "a:" + occurredAt.getEpochSecond() + ":" + occurredAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static AuditCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 4 || !"a".equals(parts[0])) {
                throw new IllegalArgumentException("not an audit cursor");
            }
            return new AuditCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null,
                    List.of(new FieldError("after", "query.after")), null, null);
        }
    }
}
