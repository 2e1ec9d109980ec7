package dk.skp.staff.core;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.repository.ReporterStatusRepository;
import dk.skp.staff.core.Lifecycle.Move;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.StaleStateException;

/**
 * What every change of a concern does besides the change itself, in the change's transaction: the lifecycle's
 * next status, a new version, the reporter's coarse status, and the audit row.
 */
@ApplicationScoped
public class ConcernChanges {

    private final ConcernRepository concerns;
    private final ReporterStatusRepository reporterStatus;
    private final AuditLog audit;
    private final Deadlines deadlines;
    private final Clock clock;

    public ConcernChanges(ConcernRepository concerns, ReporterStatusRepository reporterStatus, AuditLog audit,
            Deadlines deadlines, Clock clock) {
        this.concerns = concerns;
        this.reporterStatus = reporterStatus;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * Makes the move the lifecycle table allows, or fails with the moves that exist; returns the status before. Keeps
     * what follows from the move alone: open deadlines, when the work ended, the first triage for statistics, and the
     * referrer's contact data, erased as the work ends (in this transaction: if the move is rolled back, so is the
     * erasure). Reopening does not bring the contact data back; it is gone, not hidden.
     */
    public ConcernStatus move(ConcernEntity concern, Move move) {
        ConcernStatus before = concern.status;
        concern.status = Lifecycle.next(before, move);
        Instant now = clock.instant();
        deadlines.track(concern, before, move, now);
        if (concern.status.ended() && !before.ended()) {
            concern.endedAt = now;
            concern.report = PersonalData.withoutReferrerContact(concern.report);
            if (concern.referrerErasedAt == null) {
                concern.referrerErasedAt = now;
            }
        } else if (!concern.status.ended()) {
            concern.endedAt = null;
        }
        if (concern.firstTriagedAt == null && switch (move) {
            case TRIAGE, REDIRECT, MARK_DUPLICATE, MARK_OUTSIDE_TARGET_GROUP -> true;
            default -> false;
        }) {
            concern.firstTriagedAt = now;
        }
        return before;
    }

    /**
     * Records a change made to {@code concern}. Touching changedAt makes the row dirty, so its version (the ETag)
     * moves by one even when only attempts or links changed. Flushing here rather than at commit turns a lost race
     * with another writer of the same version into a 412 instead of a failed commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Viewer viewer, ConcernEntity concern, ConcernStatus before, AuditLog.Action action,
            Map<String, Object> details) {
        concern.changedAt = clock.instant();
        Map<String, Object> auditDetails = new LinkedHashMap<>(details);
        if (before != concern.status) {
            auditDetails.put("from", before.name());
            auditDetails.put("to", concern.status.name());
            if (concern.status.ended() && !before.ended()) {
                auditDetails.put("referrerContactErased", true); // that it happened, never what was erased
            }
        }
        try {
            // The native update may flush the concern first, so it is inside the guard too.
            reporterStatus.publish(concern.reference, concern.status.publicStatus(), concern.changedAt);
            audit.record(viewer, action, concern.id, auditDetails);
            concerns.flush();
        } catch (OptimisticLockException | StaleStateException lostRace) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "ifMatch.stale");
        }
    }
}
