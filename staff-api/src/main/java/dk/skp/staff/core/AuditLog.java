package dk.skp.staff.core;

import dk.skp.staff.repository.AuditEventEntity;
import dk.skp.staff.security.Viewer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Writes audit rows in the same transaction as the read or change they describe: no audit, no access. */
@ApplicationScoped
public class AuditLog {

    /** What was done. Details carry ids, codes and criteria only: never what the concern says. */
    public enum Action {
        /** A staff member entered a concern they were told (by phone, in person, by e-mail or letter). */
        CREATE,
        READ,
        SEARCH,
        BRIEFING_READ,
        SUGGESTIONS_READ,
        TRIAGE,
        ASSIGN,
        UNASSIGN,
        CLAIM,
        ATTEMPT,
        CLOSE,
        REOPEN,
        LINK,
        UNLINK,
        VISIT_TEAM,
        /** Someone read the statistics of a period (no concern is shown); details hold the period. */
        STATISTICS_READ,
        /** An admin or the data protection officer read audit rows; details hold their criteria. */
        AUDIT_READ,
        /** The retention schedule deleted audit rows older than the retention period. */
        AUDIT_PURGED,
        /**
         * The retention schedule erased a concern's personal data, some time after its work ended; details hold the
         * period and when the work ended, never what was erased.
         */
        PERSONAL_DATA_ERASED,
        /** An admin put a dead queue message back in line. */
        DEAD_MESSAGE_REPLAYED,
        /** An admin deleted a dead queue message, and with it the concern it carried. */
        DEAD_MESSAGE_DISCARDED,
        /** A coordinator put a question to the reporter; details hold the question's id and how the reporter was told. */
        QUESTION_ASKED,
        /** The reporter's answer to a question came in (written by the system); details hold the question's id. */
        REPORTER_ANSWERED,
        /**
         * An admin changed who may work with concerns or send them: a contact person added, changed or removed, a
         * partner created or revoked, a partner key issued or revoked. Details hold ids (the contact person's record
         * id and OIDC subject, the partner's id, the key's display prefix, never the key), and for a change the names
         * of the fields that changed, never their values.
         */
        CONTACT_PERSON_ADDED,
        CONTACT_PERSON_CHANGED,
        CONTACT_PERSON_REMOVED,
        PARTNER_CREATED,
        PARTNER_REVOKED,
        PARTNER_KEY_ISSUED,
        PARTNER_KEY_REVOKED
    }

    /** The actions that change a concern: its history. */
    public static final java.util.Set<Action> CHANGES = java.util.EnumSet.of(Action.TRIAGE, Action.ASSIGN,
            Action.UNASSIGN, Action.CLAIM, Action.ATTEMPT, Action.CLOSE, Action.REOPEN, Action.LINK, Action.UNLINK,
            Action.VISIT_TEAM, Action.PERSONAL_DATA_ERASED, Action.DEAD_MESSAGE_REPLAYED, Action.QUESTION_ASKED,
            Action.REPORTER_ANSWERED);

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Viewer viewer, Action action, UUID concernId, Map<String, Object> details) {
        AuditEventEntity event = new AuditEventEntity();
        event.occurredAt = clock.instant();
        event.actor = viewer.subject();
        event.actorName = viewer.name();
        event.actorRoles = String.join(",", new TreeSet<>(viewer.roles()));
        event.action = action.name();
        event.concernId = concernId;
        event.details = details == null || details.isEmpty() ? null : details;
        Panache.getEntityManager().persist(event);
    }
}
