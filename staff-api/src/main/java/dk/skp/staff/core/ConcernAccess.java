package dk.skp.staff.core;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.repository.ListedConcern;
import dk.skp.staff.security.SecurityLog;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Which concern a staff member may read or change: the record check behind every role check. A contact person who
 * asks for a concern that is not theirs gets the same 404 as for one that does not exist, so ids reveal nothing.
 */
@ApplicationScoped
public class ConcernAccess {

    private final ConcernRepository concerns;

    public ConcernAccess(ConcernRepository concerns) {
        this.concerns = concerns;
    }

    /**
     * Coordinators read every concern. A contact person reads a concern while it is theirs: assigned to them, and its
     * work not ended. Once it is closed (for whatever reason: closed, redirected, duplicate, outside the target group)
     * or given to someone else, it is gone for them, and asking for it is a security event like any concern not
     * theirs; the coordinators keep it until its personal data is erased. The team keeps nothing of an ended concern
     * visible to its former contact person: what they need to know afterwards (that it was closed, and why) the
     * coordinator tells them. Reopened, it is assigned afresh.
     */
    public static boolean mayRead(Viewer viewer, ConcernEntity concern) {
        return mayRead(viewer, concern.assignedTo, concern.endedAt);
    }

    public static boolean mayRead(Viewer viewer, ListedConcern concern) {
        return mayRead(viewer, concern.assignedTo(), concern.endedAt());
    }

    private static boolean mayRead(Viewer viewer, String assignedTo, Instant endedAt) {
        return viewer.seesAllConcerns() || (viewer.subject().equals(assignedTo) && endedAt == null);
    }

    public ConcernEntity readable(Viewer viewer, UUID id) {
        return concerns.findByIdOptional(id).filter(c -> allowed(viewer, c, mayRead(viewer, c)))
                .orElseThrow(ConcernAccess::notFound);
    }

    /** A concern that exists but is not theirs is a security event, though the caller is told it does not exist. */
    private static boolean allowed(Viewer viewer, ConcernEntity concern, boolean allowed) {
        if (!allowed) {
            SecurityLog.notTheirs(viewer.subject(), concern.id);
        }
        return allowed;
    }

    /**
     * A concern the viewer may change, as long as nobody changed it since they read {@code expectedVersion}. A concern
     * whose personal data is erased is a statistic: it cannot be worked on again, whatever the change (409).
     */
    public ConcernEntity changeable(Viewer viewer, UUID id, long expectedVersion) {
        ConcernEntity concern = readable(viewer, id);
        if (concern.erasedAt != null) {
            throw erased();
        }
        return unchangedSince(concern, expectedVersion);
    }

    /**
     * Besides their own, a contact person may see only what they may take: a triaged concern nobody holds. That is
     * what the claimable list shows them, so a claim of anything else looks as if it did not exist.
     */
    public ConcernEntity claimable(Viewer viewer, UUID id, long expectedVersion) {
        ConcernEntity concern = concerns.findByIdOptional(id)
                .filter(c -> allowed(viewer, c,
                        mayRead(viewer, c) || (c.status == ConcernStatus.TRIAGED && c.assignedTo == null)))
                .orElseThrow(ConcernAccess::notFound);
        return unchangedSince(concern, expectedVersion);
    }

    private static ConcernEntity unchangedSince(ConcernEntity concern, long expectedVersion) {
        if (concern.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "ifMatch.stale");
        }
        return concern;
    }

    static ProblemException erased() {
        return new ProblemException(ProblemType.CONFLICT, "concern.erased");
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "concern.notFound");
    }
}
