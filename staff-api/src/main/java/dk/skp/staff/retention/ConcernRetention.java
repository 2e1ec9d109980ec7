package dk.skp.staff.retention;

import dk.skp.model.municipality.MunicipalityProfile;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.PersonalData;
import dk.skp.staff.core.ScheduledRuns;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.repository.ReporterQuestionRepository;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.admin.DeadMessageService;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases the personal data of concerns whose work ended more than the municipality profile's {@code erase-after}
 * ago. SKP
 * keeps no journal: once the work is over and the period for a late reopening has passed, a concern is only a
 * statistic. What is left of its report is {@link PersonalData#coarse}; free text on the concern (triage reason,
 * redirected to, handed over to, closing note) and its contact attempts goes, the attempts themselves (when, how, with
 * what result) stay to be counted, links to other concerns (and a duplicate's pointer) are dropped, the reporter's
 * status look-up and the questions put to them (with their answers) are deleted (intake then answers it like an
 * unknown reference), and so are mails about it still in the outbox, parked ones included, and the entry's
 * idempotency record. The facts on the concern's row (status, triage, district, closing reason, first-time facts)
 * stay. ErasureLeavesNothingTest holds the decision for every column of every schema.
 * <p>
 * Works in batches, each in a transaction of its own, and skips concerns another instance (or a staff member's
 * change) holds locked at the moment; they are erased on a later run. Of several staff instances, one runs each firing
 * of the schedule ({@link ScheduledRuns}). An open concern is never erased, however old.
 * Dead queue messages that died before the same cut-off are discarded too (see
 * {@link DeadMessageService#discardDeadBefore}).
 */
@ApplicationScoped
public class ConcernRetention {

    private static final Logger LOG = Logger.getLogger(ConcernRetention.class);
    static final int BATCH_SIZE = 100;
    private static final Viewer SYSTEM = new Viewer("system:concern-retention", "concern retention", Set.of());
    private static final List<String> ENDED = Arrays.stream(ConcernStatus.values())
            .filter(ConcernStatus::ended).map(Enum::name).toList();

    private final Clock clock;
    private final AuditLog audit;
    private final DeadMessageService deadMessages;
    private final Period eraseAfter;
    private final ZoneId zone;
    private final ReporterQuestionRepository questions;
    private final ScheduledRuns runs;

    public ConcernRetention(Clock clock, AuditLog audit, DeadMessageService deadMessages, StaffConfig config,
            MunicipalityProfile profile, ReporterQuestionRepository questions, ScheduledRuns runs) {
        this.clock = clock;
        this.runs = runs;
        this.audit = audit;
        this.deadMessages = deadMessages;
        this.questions = questions;
        // The municipality's profile, not a setting of staff's own: the form and the receipt promise this period.
        this.eraseAfter = profile.eraseAfterPeriod();
        this.zone = config.zone();
    }

    @Scheduled(identity = "concern-retention", cron = "${skp.staff.retention.erase-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule(ScheduledExecution execution) {
        if (runs.claim("concern-retention", execution)) {
            erase(clock);
        }
    }

    /**
     * Erases the personal data of every concern whose work ended before {@code now - erase-after} (counted in
     * calendar terms in the municipality's zone) and that is not erased yet.
     *
     * @return how many concerns were erased
     */
    public long erase(Clock now) {
        Instant cutoff = cutoff(now);
        long erased = Batches.untilDone(BATCH_SIZE, () -> eraseBatch(cutoff, now.instant()));
        if (erased > 0) {
            LOG.infof("erased the personal data of %d concerns whose work ended before %s (period %s)", erased, cutoff,
                    eraseAfter);
        } else {
            LOG.debugf("no concern ended before %s holds personal data", cutoff);
        }
        // A dead queue message is a whole concern that never reached the team: an admin replays or discards it; one
        // left that long after it died goes the way of the concerns whose work ended then.
        long discarded = Batches.untilDone(BATCH_SIZE, () -> deadMessages.discardDeadBefore(SYSTEM, cutoff, BATCH_SIZE));
        if (discarded > 0) {
            LOG.warnf("discarded %d dead queue messages that died before %s and were never replayed", discarded, cutoff);
        }
        return erased;
    }

    public Instant cutoff(Clock now) {
        return Batches.cutoff(now, zone, eraseAfter);
    }

    private int eraseBatch(Instant cutoff, Instant at) {
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                SELECT id FROM staff.concern
                 WHERE ended_at < :cutoff AND erased_at IS NULL AND status IN (:ended)
                 ORDER BY ended_at LIMIT :limit
                   FOR UPDATE SKIP LOCKED""")
                .setParameter("cutoff", cutoff)
                .setParameter("ended", ENDED)
                .setParameter("limit", BATCH_SIZE)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> references = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            ConcernEntity concern = em.find(ConcernEntity.class, id);
            references.add(concern.reference);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("endedAt", concern.endedAt.toString());
            details.put("period", eraseAfter.toString());
            if (concern.linkGroup != null) {
                details.put("unlinked", true);
            }
            concern.report = PersonalData.coarse(concern.report, concern.district);
            // The team's own words about the concern: why it was triaged so, to whom it was redirected or handed over
            // (a named service, often a named person there), the closing note. The codes beside them stay.
            concern.triageReason = null;
            concern.redirectedTo = null;
            concern.handedOverTo = null;
            concern.closingNote = null;
            // A link says two concerns were about the same person: nothing a statistic needs. (A concern left alone in
            // its group keeps the group id; a group of one shows no links and is harmless.) A duplicate's pointer to
            // the concern it repeats says the same; its triage outcome DUPLICATE stays.
            concern.linkGroup = null;
            concern.duplicateOf = null;
            if (concern.referrerErasedAt == null) {
                concern.referrerErasedAt = at; // ended before the referrer's contact data went as the work ended
            }
            concern.erasedAt = at;
            concern.changedAt = at; // the row is dirty, so its version (the ETag) moves on at flush
            audit.record(SYSTEM, AuditLog.Action.PERSONAL_DATA_ERASED, concern.id, details);
        }
        // When, how and with what result each attempt was made is counted; where and what next are notes.
        em.createNativeQuery("""
                UPDATE staff.contact_attempt SET place_note = NULL, next_step = NULL, next_step_on = NULL
                 WHERE concern_id IN (:ids)""")
                .setParameter("ids", ids).executeUpdate();
        // The reporter's look-up: intake then answers as for an unknown reference (404), as it does for a wrong
        // passcode. The reporter has seen CLOSED for the whole period.
        em.createNativeQuery("DELETE FROM exchange.reporter_status WHERE reference IN (:references)")
                .setParameter("references", references).executeUpdate();
        // Questions to the reporter and their answers, on both sides (the status page shows nothing any more).
        questions.eraseFor(ids, references);
        // Mails about these concerns still in the outbox, parked ones above all (an operator may never have come for
        // them): a recipient's address, the reference and a link. An overdue digest that lists one of them goes too;
        // its other lines were due long ago.
        em.createNativeQuery("""
                DELETE FROM staff.mail_outbox m
                 WHERE m.reference IN (:references)
                    OR EXISTS (SELECT 1 FROM staff.concern c WHERE c.id IN (:ids) AND strpos(m.body, c.reference) > 0)""")
                .setParameter("references", references).setParameter("ids", ids).executeUpdate();
        // A staff member's Idempotency-Key for the entry that made the concern, with the hash of what they sent: kept
        // a day anyway (skp.staff.entry.idempotency-retention), but an erasure within that day must not leave it.
        em.createNativeQuery("DELETE FROM staff.entry_idempotency WHERE concern_id IN (:ids)")
                .setParameter("ids", ids).executeUpdate();
        return ids.size();
    }
}
