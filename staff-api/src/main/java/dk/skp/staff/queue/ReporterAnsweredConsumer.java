package dk.skp.staff.queue;

import dk.skp.model.message.MessageCodec;
import dk.skp.model.message.ReporterAnswered;
import dk.skp.model.queue.Opener;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueMessage;
import dk.skp.model.queue.QueueWorker;
import dk.skp.staff.questions.ReporterQuestionService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;

/**
 * Takes reporters' answers off the queue and hands each to {@link ReporterQuestionService}: stored, audited and the
 * team told in the transaction that removes the message. {@link QueueConsumers} runs it.
 */
@ApplicationScoped
public class ReporterAnsweredConsumer {

    private final PgQueue queue;
    private final QueueTransactions transactions;
    private final ReporterQuestionService questions;
    private final MeterRegistry metrics;
    private final Opener opener;

    public ReporterAnsweredConsumer(PgQueue queue, QueueTransactions transactions, ReporterQuestionService questions,
            MeterRegistry metrics, Opener opener) {
        this.queue = queue;
        this.transactions = transactions;
        this.questions = questions;
        this.metrics = metrics;
        this.opener = opener;
    }

    QueueWorker worker() {
        return new QueueWorker(queue, ReporterAnswered.TOPIC, transactions, this::handle, QueueErrors::describe);
    }

    /** Drains everything that is due now, e.g. from a test, on the caller's thread. */
    public int drainNow() throws Exception {
        return worker().drain();
    }

    private void handle(Connection connection, QueueMessage message) {
        questions.receive(MessageCodec.decodeAnswer(opener.open(message)));
        metrics.counter("skp.queue.consumed", "topic", message.topic()).increment();
    }
}
