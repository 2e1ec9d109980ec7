package dk.skp.staff.entry;

import dk.skp.model.logging.LogFields;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.core.Deadlines;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes a submitted concern into staff's keeping: one off the queue, inside the consumer's transaction, or one a staff
 * member entered, inside {@link ConcernEntryService}'s.
 */
@ApplicationScoped
public class ConcernIntakeService {

    private static final Logger LOG = Logger.getLogger(ConcernIntakeService.class);

    private final ConcernRepository concerns;
    private final Deadlines deadlines;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transaction;

    public ConcernIntakeService(ConcernRepository concerns, Deadlines deadlines, Clock clock,
            TransactionSynchronizationRegistry transaction) {
        this.concerns = concerns;
        this.deadlines = deadlines;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * Registers a batch off the queue in the caller's transaction: one query for the message ids already registered,
     * then one batched insert for the rest. Idempotent on the message id, also within the batch. A message that may
     * not be registered fails the whole batch (the queue then retries the messages one by one).
     *
     * @return how many concerns were registered (repeats are not counted)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int registerAll(List<ConcernSubmitted> messages) {
        for (ConcernSubmitted message : messages) {
            if (message.channel().enteredByStaff()) {
                // Intake never sends these (see Submission); a message that claims one is not to be trusted.
                throw new MessageCodec.UnsupportedMessageException("a queued concern cannot have come by "
                        + message.channel() + ": only staff enter concerns that way");
            }
        }
        Set<UUID> seen = concerns.registeredMessageIds(messages.stream().map(ConcernSubmitted::messageId).toList());
        List<ConcernEntity> fresh = new ArrayList<>(messages.size());
        for (ConcernSubmitted message : messages) {
            if (!seen.add(message.messageId())) {
                LogFields.infof(LOG, message.reference(), "message %s already registered as %s; ignoring the repeat",
                        message.messageId(), message.reference());
                continue;
            }
            fresh.add(newConcern(message));
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        concerns.persistBatched(fresh);
        onCommit(() -> fresh.forEach(concern -> LogFields.infof(LOG, concern.reference, "registered concern %s (%s, urgency %s)",
                concern.reference, concern.channel, concern.urgency)));
        return fresh.size();
    }

    /**
     * A concern a staff member took by phone, in person, by e-mail or letter, registered exactly as one off the queue
     * (the message never travels: staff is where it would arrive), with who took it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConcernEntity registerEntered(ConcernSubmitted message, Viewer takenBy) {
        ConcernEntity concern = newConcern(message);
        concern.enteredBy = takenBy.subject();
        concern.enteredByName = takenBy.name();
        concerns.persist(concern);
        onCommit(() -> LogFields.infof(LOG, concern.reference, "registered concern %s (%s, urgency %s), entered by staff",
                concern.reference, concern.channel, concern.urgency));
        return concern;
    }

    /**
     * Says "registered" once it is true: after the caller's transaction committed. A batch that fails is rolled back
     * and retried one message at a time, and a rolled-back entry registered nothing; neither is logged as registered.
     */
    private void onCommit(Runnable log) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    log.run();
                }
            }
        });
    }

    private ConcernEntity newConcern(ConcernSubmitted message) {
        ConcernEntity concern = new ConcernEntity();
        concern.id = UUID.randomUUID();
        concern.messageId = message.messageId();
        concern.reference = message.reference();
        concern.status = ConcernStatus.RECEIVED;
        concern.channel = message.channel();
        concern.partnerId = message.partnerId();
        // Acute danger is always urgent, whatever the reporter chose.
        concern.urgency = message.concern().acuteDanger() ? Urgency.URGENT : message.concern().urgency();
        concern.acuteDanger = message.concern().acuteDanger();
        concern.receivedAt = message.receivedAt();
        concern.registeredAt = clock.instant();
        concern.changedAt = concern.registeredAt;
        concern.report = message.concern();
        concern.reporterRole = message.concern().reporter().role();
        // Counted from when the reporter sent it, not from when staff got round to taking it off the queue.
        concern.triageDueAt = deadlines.triageDue(message.receivedAt());
        return concern;
    }
}
