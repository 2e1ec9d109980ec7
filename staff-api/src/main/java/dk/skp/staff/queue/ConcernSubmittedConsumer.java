package dk.skp.staff.queue;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.Opener;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueMessage;
import dk.skp.model.queue.QueueWorker;
import dk.skp.staff.service.ConcernIntakeService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;

/**
 * Takes concerns off the queue and hands each to {@link ConcernIntakeService}. Claiming, registering and removing
 * a message happen in one transaction, so a concern is registered exactly once however many staff instances run.
 * {@link QueueConsumers} runs it.
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
        return new QueueWorker(queue, ConcernSubmitted.TOPIC, transactions, this::handle, QueueErrors::describe);
    }

    /** Drains everything that is due now, e.g. from a test or an admin action, on the caller's thread. */
    public int drainNow() throws Exception {
        return worker().drain();
    }

    private void handle(Connection connection, QueueMessage message) {
        intake.register(MessageCodec.decode(opener.open(message)));
        metrics.counter("skp.queue.consumed", "topic", message.topic()).increment();
    }
}
