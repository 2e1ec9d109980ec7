package dk.skp.model.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps one dedicated connection that LISTENs for new messages and runs the workers (one per topic, all woken by the
 * same channel) when woken, and at the latest every poll interval. Notifications are only a hint: the poll finds whatever a lost notification, a retry
 * backoff or a restart left behind. Reconnects with a growing pause when the database goes away; with several servers
 * in the JDBC URL ({@code targetServerType=primary}) the new connection goes to whichever is the primary then, so the
 * listener follows a promoted standby. A poll that brought no notification also checks that the listening connection
 * still answers: a server that vanished without closing it (a machine gone, a cut network) would otherwise leave the
 * listener waiting for notifications that never come, on the poll alone.
 */
public final class QueueListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QueueListener.class);
    private static final Duration MAX_RECONNECT_PAUSE = Duration.ofSeconds(30);
    private static final int LIVENESS_TIMEOUT_SECONDS = 5;

    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final ConnectionFactory connections;
    private final List<QueueWorker> workers;
    private final String topics;
    private final Duration pollInterval;
    private final int threadsPerTopic;
    private volatile ExecutorService helpers;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;
    private volatile Connection current;

    public QueueListener(ConnectionFactory connections, QueueWorker worker, Duration pollInterval) {
        this(connections, List.of(worker), pollInterval);
    }

    /** One connection for every topic: a notification says only that something was enqueued, not on which topic. */
    public QueueListener(ConnectionFactory connections, List<QueueWorker> workers, Duration pollInterval) {
        this(connections, workers, pollInterval, 1);
    }

    /**
     * @param threadsPerTopic how many threads drain each topic at once when woken: the listener's own and
     *        {@code threadsPerTopic - 1} helpers. Their claims skip each other's locked rows, so they share the work;
     *        while one waits for the database (a commit, a round trip), another opens and registers its batch.
     */
    public QueueListener(ConnectionFactory connections, List<QueueWorker> workers, Duration pollInterval,
            int threadsPerTopic) {
        if (workers.isEmpty()) {
            throw new IllegalArgumentException("a listener needs at least one worker");
        }
        if (threadsPerTopic < 1) {
            throw new IllegalArgumentException("threadsPerTopic must be at least 1");
        }
        this.threadsPerTopic = threadsPerTopic;
        this.connections = connections;
        this.workers = List.copyOf(workers);
        this.topics = String.join(",", this.workers.stream().map(QueueWorker::topic).toList());
        this.pollInterval = pollInterval;
    }

    public void start() {
        if (running.compareAndSet(false, true)) {
            if (threadsPerTopic > 1) {
                AtomicInteger helperNumber = new AtomicInteger();
                helpers = Executors.newFixedThreadPool(threadsPerTopic - 1, work -> {
                    Thread helper = new Thread(work, "queue-drain-" + helperNumber.incrementAndGet());
                    helper.setDaemon(true);
                    return helper;
                });
            }
            thread = new Thread(this::run, "queue-listener-" + topics);
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void close() {
        running.set(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            closeQuietly(current);
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutorService h = helpers;
        if (h != null) {
            h.shutdownNow();
        }
    }

    private void run() {
        Duration pause = Duration.ofMillis(500);
        while (running.get()) {
            try (Connection connection = connections.open()) {
                current = connection;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + PgQueue.CHANNEL);
                }
                LOG.infof("listening for %s messages (poll every %s)", topics, pollInterval);
                pause = Duration.ofMillis(500);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running.get()) {
                    drainSafely();
                    // Blocks until a notification arrives or the poll interval passes.
                    PGNotification[] woken = pg.getNotifications((int) pollInterval.toMillis());
                    if ((woken == null || woken.length == 0) && running.get()
                            && !connection.isValid(LIVENESS_TIMEOUT_SECONDS)) {
                        throw new SQLException("the listening connection no longer answers");
                    }
                }
            } catch (SQLException e) {
                if (!running.get()) {
                    break;
                }
                LOG.warnf("queue listener for %s lost its database connection (%s); reconnecting in %s",
                        topics, e.getMessage(), pause);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_RECONNECT_PAUSE) > 0 ? MAX_RECONNECT_PAUSE : pause.multipliedBy(2);
            } finally {
                current = null;
            }
        }
    }

    /**
     * Each topic: the listener's thread claims a first batch. Less than a quarter of a batch is a trickle, and that is
     * all: whatever is enqueued after that claim wakes the listener again (its NOTIFY waits on this connection), so
     * neither another claim that would find nothing nor the helpers are spent on it. More is a backlog: the helpers
     * join and all drain until nothing is due.
     */
    private void drainSafely() {
        for (QueueWorker worker : workers) {
            int first = drainOneBatchSafely(worker);
            if (first * 4 < worker.batchSize()) {
                continue;
            }
            List<Future<?>> helping = new ArrayList<>();
            ExecutorService h = helpers;
            if (h != null) {
                for (int i = 1; i < threadsPerTopic; i++) {
                    helping.add(h.submit(() -> drainSafely(worker)));
                }
            }
            drainSafely(worker);
            for (Future<?> helper : helping) {
                try {
                    helper.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    // drainSafely catches what draining throws; nothing else is expected here
                    LOG.warnf("a helper draining %s failed: %s", worker.topic(), e.getCause());
                }
            }
        }
    }

    /** @return how many messages the batch claimed, 0 when it failed (the next wake-up or poll tries again) */
    private int drainOneBatchSafely(QueueWorker worker) {
        return drainSafely(worker, worker::drainOneBatch);
    }

    private void drainSafely(QueueWorker worker) {
        int completed = drainSafely(worker, worker::drain);
        if (completed > 0) {
            LOG.debugf("handled %d %s messages", completed, worker.topic());
        }
    }

    /**
     * The listener lives on, and one topic's trouble does not hold up another's: a failure is logged and counts as
     * nothing drained; the next wake-up or poll tries again.
     */
    private static int drainSafely(QueueWorker worker, Callable<Integer> drain) {
        try {
            return drain.call();
        } catch (Exception e) {
            LOG.warnf("draining %s failed: %s", worker.topic(), e.getMessage());
            return 0;
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is how we stop a blocked getNotifications; nothing to do with its failure
            }
        }
    }
}
