package dk.skp.staff.core;

import static dk.skp.staff.repository.ConcernStatus.ASSIGNED;
import static dk.skp.staff.repository.ConcernStatus.CLOSED;
import static dk.skp.staff.repository.ConcernStatus.DUPLICATE;
import static dk.skp.staff.repository.ConcernStatus.IN_CONTACT;
import static dk.skp.staff.repository.ConcernStatus.OUTSIDE_TARGET_GROUP;
import static dk.skp.staff.repository.ConcernStatus.RECEIVED;
import static dk.skp.staff.repository.ConcernStatus.REDIRECTED;
import static dk.skp.staff.repository.ConcernStatus.REOPENED;
import static dk.skp.staff.repository.ConcernStatus.TRIAGED;

import dk.skp.staff.repository.ConcernStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The concern lifecycle: the one table of which move leads from which status to which. Services ask it for the
 * next status and never decide that themselves; anything not in the table is refused with the moves that exist.
 */
public final class Lifecycle {

    @Schema(description = "Something that can be done to a concern; which moves exist depends on its status. TRIAGE, "
            + "REDIRECT, MARK_DUPLICATE, MARK_OUTSIDE_TARGET_GROUP: POST /triage with that outcome (coordinator); ASSIGN "
            + "and UNASSIGN: PUT and DELETE /assignment (coordinator); CLAIM: POST /claim (contact person); "
            + "RECORD_ATTEMPT and ESTABLISH_CONTACT: POST /attempts, the latter with outcome CONTACT_ESTABLISHED; CLOSE: "
            + "POST /close and REOPEN: POST /reopen (coordinator).")
    public enum Move {
        TRIAGE, REDIRECT, MARK_DUPLICATE, MARK_OUTSIDE_TARGET_GROUP, ASSIGN, CLAIM, UNASSIGN, RECORD_ATTEMPT,
        ESTABLISH_CONTACT, CLOSE, REOPEN
    }

    private static final Map<ConcernStatus, Map<Move, ConcernStatus>> TABLE = new EnumMap<>(ConcernStatus.class);

    static {
        from(RECEIVED, Map.of(
                Move.TRIAGE, TRIAGED,
                Move.REDIRECT, REDIRECTED,
                Move.MARK_DUPLICATE, DUPLICATE,
                Move.MARK_OUTSIDE_TARGET_GROUP, OUTSIDE_TARGET_GROUP));
        // Triage may be corrected until someone takes the concern; until then it can also still end early.
        from(TRIAGED, Map.of(
                Move.TRIAGE, TRIAGED,
                Move.REDIRECT, REDIRECTED,
                Move.MARK_DUPLICATE, DUPLICATE,
                Move.MARK_OUTSIDE_TARGET_GROUP, OUTSIDE_TARGET_GROUP,
                Move.ASSIGN, ASSIGNED,
                Move.CLAIM, ASSIGNED,
                // Moved away or deceased can be known before anyone goes out.
                Move.CLOSE, CLOSED));
        // Once someone works on it, triage only re-prioritises; the early endings are behind it.
        from(ASSIGNED, Map.of(
                Move.TRIAGE, ASSIGNED,
                Move.ASSIGN, ASSIGNED,
                Move.UNASSIGN, TRIAGED,
                Move.RECORD_ATTEMPT, ASSIGNED,
                Move.ESTABLISH_CONTACT, IN_CONTACT,
                Move.CLOSE, CLOSED));
        // A new contact person keeps the contact; without one the concern waits for someone again.
        from(IN_CONTACT, Map.of(
                Move.TRIAGE, IN_CONTACT,
                Move.ASSIGN, IN_CONTACT,
                Move.UNASSIGN, TRIAGED,
                Move.RECORD_ATTEMPT, IN_CONTACT,
                Move.ESTABLISH_CONTACT, IN_CONTACT,
                Move.CLOSE, CLOSED));
        for (ConcernStatus ended : new ConcernStatus[] { CLOSED, REDIRECTED, DUPLICATE, OUTSIDE_TARGET_GROUP }) {
            from(ended, Map.of(Move.REOPEN, REOPENED));
        }
        // A reopened concern is looked at afresh: triaged again before anyone is sent out.
        from(REOPENED, Map.of(
                Move.TRIAGE, TRIAGED,
                Move.REDIRECT, REDIRECTED,
                Move.MARK_DUPLICATE, DUPLICATE,
                Move.MARK_OUTSIDE_TARGET_GROUP, OUTSIDE_TARGET_GROUP,
                Move.CLOSE, CLOSED));
        for (ConcernStatus status : ConcernStatus.values()) {
            if (!TABLE.containsKey(status)) {
                throw new ExceptionInInitializerError("the lifecycle table has no row for " + status);
            }
        }
    }

    private Lifecycle() {
    }

    private static void from(ConcernStatus status, Map<Move, ConcernStatus> moves) {
        TABLE.put(status, Collections.unmodifiableMap(new EnumMap<>(moves)));
    }

    /** The status after {@code move}, or a 409 that lists the moves possible from {@code current}. */
    public static ConcernStatus next(ConcernStatus current, Move move) {
        ConcernStatus next = TABLE.get(current).get(move);
        if (next == null) {
            throw new MoveNotAllowedException(current, move, movesFrom(current));
        }
        return next;
    }

    /** In the table's order, so that clients can show them as they are. */
    public static Set<Move> movesFrom(ConcernStatus current) {
        return TABLE.get(current).keySet();
    }
}
