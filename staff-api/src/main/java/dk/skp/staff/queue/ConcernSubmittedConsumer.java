package dk.skp.staff.queue;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.Opener;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueMessage;
import dk.skp.model.queue.QueueWorker;
import dk.skp.staff.entry.ConcernIntakeService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes concerns off the queue and hands them to {@link ConcernIntakeService} a claimed batch at a time. Claiming,
 * registering and removing a batch happen in one transaction, so a concern is registered exactly once however many
 * staff instances and consumer threads run. {@link QueueConsumers} runs it.
 */
@ApplicationScoped
public class ConcernSubmittedConsumer {

    private final PgQueue queue;
    private final QueueTransactions transactions;
    private final ConcernIntakeService intake;
    private final MeterRegistry metrics;
    private final Opener opener;

    public ConcernSubmittedConsumer(PgQueue queue, QueueTransactions transactions, ConcernIntakeService intake,
            MeterRegistry metrics, Opener opener) {
        this.queue = queue;
        this.transactions = transactions;
        this.intake = intake;
        this.metrics = metrics;
        this.opener = opener;
    }

    QueueWorker worker() {
        return QueueWorker.batched(queue, ConcernSubmitted.TOPIC, transactions, this::handle, QueueErrors::describe);
    }

    /** Drains everything that is due now, e.g. from a test or an admin action, on the caller's thread. */
    public int drainNow() throws Exception {
        return worker().drain();
    }

    /** A whole claimed batch: opened and decoded, then registered with one query and one batched insert. */
    private void handle(Connection connection, List<QueueMessage> batch) {
        List<ConcernSubmitted> messages = new ArrayList<>(batch.size());
        for (QueueMessage message : batch) {
            messages.add(MessageCodec.decode(opener.open(message)));
        }
        intake.registerAll(messages);
        metrics.counter("skp.queue.consumed", "topic", ConcernSubmitted.TOPIC).increment(batch.size());
    }
}
