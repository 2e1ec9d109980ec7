package dk.skp.model.queue;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Drains one topic: claims a batch, hands every message to the handler and completes the batch, all in one
 * transaction. When a batch fails, the same messages are taken one per transaction so that one bad message is
 * retried (and in the end parked as dead) without holding back the others.
 */
public final class QueueWorker {

    private static final Logger LOG = Logger.getLogger(QueueWorker.class);

    /** Runs work in a new transaction on a connection that the handler's own writes share. */
    @FunctionalInterface
    public interface Transactions {
        <T> T inNewTransaction(SqlWork<T> work) throws Exception;
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws Exception;
    }

    /** Handles one message inside the claiming transaction. Throwing rolls back everything it wrote. */
    @FunctionalInterface
    public interface Handler {
        void handle(Connection connection, QueueMessage message) throws Exception;
    }

    /**
     * Handles a whole claimed batch inside the claiming transaction, e.g. with one query and one batched insert for
     * all of it. Throwing rolls back everything it wrote; the worker then retries the messages one per transaction,
     * handing each to this handler as a batch of one.
     */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(Connection connection, List<QueueMessage> messages) throws Exception;
    }

    /** Describes a failure for the queue's error column; must not repeat personal data from the message. */
    @FunctionalInterface
    public interface ErrorDescriber {
        String describe(Throwable failure);
    }

    private final PgQueue queue;
    private final String topic;
    private final Transactions transactions;
    private final BatchHandler handler;
    private final ErrorDescriber errors;

    /** A worker that hands the messages of a batch to {@code handler} one by one, in the batch's transaction. */
    public QueueWorker(PgQueue queue, String topic, Transactions transactions, Handler handler, ErrorDescriber errors) {
        this(queue, topic, transactions, (BatchHandler) (connection, messages) -> {
            for (QueueMessage message : messages) {
                handler.handle(connection, message);
            }
        }, errors);
    }

    /** A worker that hands each claimed batch to {@code handler} whole. */
    public static QueueWorker batched(PgQueue queue, String topic, Transactions transactions, BatchHandler handler,
            ErrorDescriber errors) {
        return new QueueWorker(queue, topic, transactions, handler, errors);
    }

    private QueueWorker(PgQueue queue, String topic, Transactions transactions, BatchHandler handler, ErrorDescriber errors) {
        this.queue = queue;
        this.topic = topic;
        this.transactions = transactions;
        this.handler = handler;
        this.errors = errors;
    }

    public String topic() {
        return topic;
    }

    /**
     * Handles messages until none is due.
     *
     * @return how many messages were completed
     */
    public int drain() throws Exception {
        int completed = 0;
        while (true) {
            Progress progress = drainBatch();
            completed += progress.completed();
            if (progress.claimed() == 0) {
                return completed;
            }
        }
    }

    /**
     * Claims and handles one batch (or, when the batch fails, its messages one by one).
     *
     * @return how many messages were claimed: 0 when none was due
     */
    public int drainOneBatch() throws Exception {
        return drainBatch().claimed();
    }

    /** How many messages one claim takes at most. */
    public int batchSize() {
        return queue.settings().batchSize();
    }

    private record Progress(int claimed, int completed) {
    }

    private Progress drainBatch() throws Exception {
        int batchSize = queue.settings().batchSize();
        try {
            return transactions.inNewTransaction(connection -> {
                List<QueueMessage> batch = queue.claim(connection, topic, batchSize);
                if (batch.isEmpty()) {
                    return new Progress(0, 0);
                }
                handler.handle(connection, batch);
                queue.complete(connection, batch.stream().map(QueueMessage::id).toList());
                return new Progress(batch.size(), batch.size());
            });
        } catch (Exception batchFailure) {
            LOG.debugf("batch on %s failed (%s); retrying its messages one at a time", topic, errors.describe(batchFailure));
            return drainOneByOne(batchSize);
        }
    }

    private Progress drainOneByOne(int limit) throws Exception {
        int claimed = 0;
        int completed = 0;
        for (int i = 0; i < limit; i++) {
            AtomicReference<QueueMessage> current = new AtomicReference<>();
            try {
                boolean found = transactions.inNewTransaction(connection -> {
                    List<QueueMessage> one = queue.claim(connection, topic, 1);
                    if (one.isEmpty()) {
                        return false;
                    }
                    current.set(one.get(0));
                    handler.handle(connection, one);
                    queue.complete(connection, List.of(one.get(0).id()));
                    return true;
                });
                if (!found) {
                    break;
                }
                claimed++;
                completed++;
            } catch (Exception failure) {
                QueueMessage message = current.get();
                if (message == null) {
                    throw failure; // the claim itself failed: the database, not a message, is the problem
                }
                claimed++;
                recordFailure(message, failure);
            }
        }
        return new Progress(claimed, completed);
    }

    private void recordFailure(QueueMessage message, Exception failure) throws Exception {
        String error = errors.describe(failure);
        boolean dead = transactions.inNewTransaction(connection -> queue.fail(connection, message, error));
        int attempt = message.attempts() + 1;
        if (dead) {
            LOG.errorf("message %s on %s is dead after %d attempts: %s", message.id(), topic, attempt, error);
        } else {
            LOG.warnf("message %s on %s failed (attempt %d of %d), retrying in %s: %s", message.id(), topic, attempt,
                    queue.settings().maxAttempts(), queue.settings().backoffAfter(attempt), error);
        }
    }
}
