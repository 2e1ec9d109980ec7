package dk.skp.model.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue against a real PostgreSQL, with the real roles: intake may only enqueue, staff consumes. */
class PgQueueTest {

    private static final String TOPIC = "test-topic";
    private static TestDatabase db;

    @BeforeAll
    static void createQueue() throws SQLException {
        db = TestDatabase.create("queue");
        try (Connection staff = db.asStaff()) {
            QueueSchema.createV1(staff, db.settings().intakeUser());
            try (Statement sql = staff.createStatement()) {
                sql.execute("CREATE TABLE staff.handled (id uuid PRIMARY KEY, worker int NOT NULL)");
            }
        }
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyQueue() throws SQLException {
        try (Connection staff = db.asStaff(); Statement sql = staff.createStatement()) {
            sql.execute("TRUNCATE queue.message, staff.handled");
        }
    }

    private static PgQueue queue(int maxAttempts, Duration backoff, int batch) {
        return new PgQueue(new QueueSettings(maxAttempts, backoff, backoff, batch, Duration.ofSeconds(60)));
    }

    private static List<UUID> enqueueAsIntake(int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        PgQueue queue = queue(3, Duration.ZERO, 10);
        try (Connection intake = db.asIntake()) {
            intake.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                queue.enqueue(intake, TOPIC, id, "{\"n\": " + i + "}");
                ids.add(id);
            }
            intake.commit();
        }
        return ids;
    }

    /** One JDBC transaction per call, on a fresh staff connection, as a JTA transaction would be. */
    static final QueueWorker.Transactions JDBC = new QueueWorker.Transactions() {
        @Override
        public <T> T inNewTransaction(QueueWorker.SqlWork<T> work) throws Exception {
            try (Connection connection = db.asStaff()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (Exception e) {
                    connection.rollback();
                    throw e;
                }
            }
        }
    };

    private static void markHandled(Connection connection, QueueMessage message, int worker) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO staff.handled VALUES (?, ?)")) {
            insert.setObject(1, message.id());
            insert.setInt(2, worker);
            insert.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection staff = db.asStaff(); Statement s = staff.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theProducerRoleCanEnqueueButReadNothing() throws SQLException {
        enqueueAsIntake(1);
        try (Connection intake = db.asIntake(); Statement sql = intake.createStatement()) {
            SQLException select = assertThrows(SQLException.class, () -> sql.executeQuery("SELECT * FROM queue.message"));
            assertEquals("42501", select.getSQLState(), "insufficient_privilege");
            assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM queue.message"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE queue.message SET attempts = 0"));
        }
        assertEquals(1, count("SELECT count(*) FROM queue.message"));
    }

    @Test
    void aClaimedMessageIsInvisibleToOtherConsumersUntilItsTransactionEnds() throws Exception {
        enqueueAsIntake(10);
        PgQueue queue = queue(3, Duration.ZERO, 10);
        try (Connection a = db.asStaff(); Connection b = db.asStaff()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            List<QueueMessage> first = queue.claim(a, TOPIC, 6);
            List<QueueMessage> second = queue.claim(b, TOPIC, 10);
            assertEquals(6, first.size());
            assertEquals(4, second.size(), "SKIP LOCKED hands the second consumer only the rest");
            Set<UUID> overlap = new HashSet<>(first.stream().map(QueueMessage::id).toList());
            overlap.retainAll(second.stream().map(QueueMessage::id).toList());
            assertTrue(overlap.isEmpty());

            queue.complete(a, first.stream().map(QueueMessage::id).toList());
            a.commit();
            b.rollback();
        }
        assertEquals(4, count("SELECT count(*) FROM queue.message"), "rolled-back claims stay queued");
    }

    @Test
    void aFailingMessageIsRetriedThenParkedAsDeadWithoutBlockingTheOthers() throws Exception {
        List<UUID> ids = enqueueAsIntake(5);
        UUID poison = ids.get(2);
        PgQueue queue = queue(3, Duration.ZERO, 10);
        QueueWorker worker = new QueueWorker(queue, TOPIC, JDBC, (connection, message) -> {
            markHandled(connection, message, 1);
            if (message.id().equals(poison)) {
                throw new IllegalStateException("cannot handle this one");
            }
        }, failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage());

        assertEquals(4, worker.drain());
        assertEquals(4, count("SELECT count(*) FROM staff.handled"), "the poison message's writes were rolled back");
        assertEquals(0, count("SELECT count(*) FROM queue.message WHERE id <> '" + poison + "'"));
        assertEquals(1, count("SELECT count(*) FROM queue.message WHERE dead_at IS NOT NULL AND attempts = 3 "
                + "AND last_error = 'IllegalStateException: cannot handle this one'"));
        QueueStats stats;
        try (Connection staff = db.asStaff()) {
            stats = queue.stats(staff, TOPIC);
        }
        assertEquals(new QueueStats(0, Duration.ZERO, 1), stats);

        try (Connection staff = db.asStaff()) {
            assertTrue(queue.replay(staff, poison));
            assertFalse(queue.replay(staff, poison), "only dead messages can be replayed");
        }
        assertEquals(1, count("SELECT count(*) FROM queue.message WHERE dead_at IS NULL AND attempts = 0"));
    }

    @Test
    void aBatchHandlerGetsTheWholeClaimAndAFailedBatchIsRetriedOneByOneSoOnlyTheBadMessageDies() throws Exception {
        List<UUID> ids = enqueueAsIntake(5);
        UUID poison = ids.get(3);
        PgQueue queue = queue(3, Duration.ZERO, 10);
        List<Integer> batchSizes = new ArrayList<>();
        QueueWorker worker = QueueWorker.batched(queue, TOPIC, JDBC, (connection, messages) -> {
            batchSizes.add(messages.size());
            for (QueueMessage message : messages) {
                markHandled(connection, message, 1);
            }
            if (messages.stream().anyMatch(m -> m.id().equals(poison))) {
                throw new IllegalStateException("cannot handle this one");
            }
        }, failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage());

        assertEquals(4, worker.drain());
        assertEquals(5, batchSizes.get(0), "the first claim went to the handler whole");
        assertTrue(batchSizes.subList(1, batchSizes.size()).stream().allMatch(n -> n == 1),
                "after the batch failed, one message per transaction: " + batchSizes);
        assertEquals(4, count("SELECT count(*) FROM staff.handled"), "each good message handled once, the bad one's writes rolled back");
        assertEquals(0, count("SELECT count(*) FROM staff.handled WHERE id = '" + poison + "'"));
        assertEquals(0, count("SELECT count(*) FROM queue.message WHERE id <> '" + poison + "'"));
        assertEquals(1, count("SELECT count(*) FROM queue.message WHERE id = '" + poison + "' AND dead_at IS NOT NULL "
                + "AND attempts = 3 AND last_error = 'IllegalStateException: cannot handle this one'"));
    }

    @Test
    void aListenerWithSeveralThreadsPerTopicHandlesEveryMessageExactlyOnce() throws Exception {
        PgQueue queue = queue(3, Duration.ZERO, 20);
        QueueWorker worker = QueueWorker.batched(queue, TOPIC, JDBC, (connection, messages) -> {
            for (QueueMessage message : messages) {
                markHandled(connection, message, (int) Thread.currentThread().getId());
            }
        }, Throwable::toString);
        try (QueueListener listener = new QueueListener(db::asStaff, List.of(worker), Duration.ofMillis(200), 3)) {
            listener.start();
            enqueueAsIntake(1_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count("SELECT count(*) FROM queue.message") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(0, count("SELECT count(*) FROM queue.message"));
        assertEquals(1_000, count("SELECT count(*) FROM staff.handled"), "every message handled once (id is the key)");
    }

    @Test
    void deadMessagesAreListedWithoutTheirPayloadAndCanBeDiscardedButPendingOnesCannot() throws Exception {
        List<UUID> ids = enqueueAsIntake(2);
        UUID first = ids.get(0);
        UUID second = ids.get(1);
        PgQueue queue = queue(2, Duration.ZERO, 10);
        QueueWorker failing = new QueueWorker(queue, TOPIC, JDBC, (c, m) -> {
            throw new IllegalStateException("cannot read " + (m.id().equals(first) ? "first" : "second"));
        }, Throwable::getMessage);
        assertEquals(0, failing.drain());
        UUID pending = enqueueAsIntake(1).get(0);
        try (Connection staff = db.asStaff(); Statement sql = staff.createStatement()) {
            sql.execute("UPDATE queue.message SET dead_at = now() - interval '1 minute' WHERE id = '" + first + "'");
            sql.execute("INSERT INTO queue.message (id, topic, payload, attempts, last_error, dead_at) "
                    + "VALUES (gen_random_uuid(), 'other-topic', '{}', 2, 'boom', now())");
        }

        try (Connection staff = db.asStaff()) {
            List<DeadMessage> dead = queue.listDead(staff, TOPIC, 10);
            assertEquals(List.of(first, second), dead.stream().map(DeadMessage::id).toList(), "oldest death first");
            DeadMessage one = dead.get(0);
            assertEquals(TOPIC, one.topic());
            assertEquals(2, one.attempts());
            assertEquals("cannot read first", one.lastError());
            assertEquals(1, queue.listDead(staff, TOPIC, 1).size(), "limited");
            assertEquals(3, queue.listDead(staff, null, 10).size(), "every topic");
            assertEquals(2, queue.countDead(staff, TOPIC));
            assertEquals(3, queue.countDead(staff, null));
            assertEquals(Optional.of(one), queue.findDead(staff, first));
            assertEquals(Optional.empty(), queue.findDead(staff, pending), "a pending message is not dead");

            assertTrue(queue.discard(staff, first));
            assertFalse(queue.discard(staff, first), "gone already");
            assertFalse(queue.discard(staff, pending), "pending messages are not discarded: a consumer may hold one");
            assertFalse(queue.replay(staff, pending));
        }
        assertEquals(0, count("SELECT count(*) FROM queue.message WHERE id = '" + first + "'"));
        assertEquals(1, count("SELECT count(*) FROM queue.message WHERE id = '" + pending + "' AND dead_at IS NULL"));
        assertEquals(1, count("SELECT count(*) FROM queue.message WHERE id = '" + second + "' AND dead_at IS NOT NULL"));
    }

    @Test
    void retentionDiscardsOnlyMessagesThatDiedBeforeTheCutoffOldestFirst() throws Exception {
        UUID pending = enqueueAsIntake(1).get(0);
        try (Connection staff = db.asStaff(); Statement sql = staff.createStatement()) {
            sql.execute("UPDATE queue.message SET enqueued_at = now() - interval '1 year' WHERE id = '" + pending + "'");
            // Youngest first: the table's order is then not the order the answer must have.
            for (String age : new String[] { "89 days", "91 days", "95 days", "100 days" }) {
                sql.execute("INSERT INTO queue.message (id, topic, payload, attempts, last_error, enqueued_at, dead_at) "
                        + "VALUES (gen_random_uuid(), '" + TOPIC + "', '{\"person\": \"someone\"}', 3, 'boom', "
                        + "now() - interval '" + age + "', now() - interval '" + age + "')");
            }
        }
        PgQueue queue = queue(3, Duration.ZERO, 10);
        Instant cutoff = Instant.now().minus(Duration.ofDays(90));
        try (Connection staff = db.asStaff()) {
            List<DeadMessage> first = queue.discardDeadBefore(staff, cutoff, 2);
            assertEquals(2, first.size(), "limited");
            assertTrue(first.get(0).deadAt().isBefore(first.get(1).deadAt()), "oldest death first");
            assertEquals(1, queue.discardDeadBefore(staff, cutoff, 2).size());
            assertEquals(List.of(), queue.discardDeadBefore(staff, cutoff, 2));
        }
        assertEquals(1, count("SELECT count(*) FROM queue.message WHERE dead_at > now() - interval '90 days'"),
                "died 89 days ago: kept");
        assertEquals(1, count("SELECT count(*) FROM queue.message WHERE id = '" + pending + "' AND dead_at IS NULL"),
                "a pending message is never discarded, however old");
    }

    @Test
    void backoffDelaysTheNextAttempt() throws Exception {
        enqueueAsIntake(1);
        PgQueue queue = queue(5, Duration.ofHours(1), 10);
        QueueWorker worker = new QueueWorker(queue, TOPIC, JDBC, (c, m) -> {
            throw new IllegalStateException("down");
        }, Throwable::getMessage);
        assertEquals(0, worker.drain());
        assertEquals(0, worker.drain(), "not due again for an hour");
        assertEquals(1, count("SELECT count(*) FROM queue.message WHERE attempts = 1 AND dead_at IS NULL "
                + "AND available_at > now() + interval '59 minutes'"));
        assertEquals(Duration.ofSeconds(4), new QueueSettings(8, Duration.ofSeconds(1), Duration.ofMinutes(10), 1,
                Duration.ofSeconds(1)).backoffAfter(3));
    }

    @Test
    void concurrentWorkersHandleEveryMessageExactlyOnce() throws Exception {
        int messages = 2_000;
        enqueueAsIntake(messages);
        PgQueue queue = queue(3, Duration.ZERO, 25);
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int workerId = w;
            QueueWorker worker = new QueueWorker(queue, TOPIC, JDBC, (c, m) -> markHandled(c, m, workerId),
                    Throwable::toString);
            results.add(pool.submit(worker::drain));
        }
        int completed = 0;
        for (Future<Integer> result : results) {
            completed += result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(messages, completed);
        assertEquals(messages, count("SELECT count(*) FROM staff.handled"));
        assertEquals(0, count("SELECT count(*) FROM queue.message"));
        assertTrue(count("SELECT count(DISTINCT worker) FROM staff.handled") > 1, "the work was shared");
    }

    @Test
    void aNotificationWakesTheListenerWithoutWaitingForThePoll() throws Exception {
        assertListenerHandlesNewMessage(Duration.ofMinutes(10), false);
    }

    @Test
    void thePollFindsMessagesWhoseNotificationNeverCame() throws Exception {
        assertListenerHandlesNewMessage(Duration.ofMillis(300), true);
    }

    @Test
    void aListenerWhoseConnectionIsCutListensAgainOnANewOne() throws Exception {
        // As when the primary dies and a standby is promoted: the listening connection ends, a new one is opened
        // (to whichever server the URL finds as primary) and LISTENs there. The poll is too long to help here.
        PgQueue queue = queue(3, Duration.ZERO, 10);
        Set<UUID> handled = ConcurrentHashMap.newKeySet();
        List<Integer> backends = new java.util.concurrent.CopyOnWriteArrayList<>();
        QueueWorker worker = new QueueWorker(queue, TOPIC, JDBC, (c, m) -> handled.add(m.id()), Throwable::toString);
        QueueListener.ConnectionFactory connections = () -> {
            Connection connection = db.asStaff();
            backends.add(connection.unwrap(org.postgresql.PGConnection.class).getBackendPID());
            return connection;
        };
        try (QueueListener listener = new QueueListener(connections, worker, Duration.ofMinutes(10))) {
            listener.start();
            awaitListening(1, backends);
            try (Connection admin = db.admin(); PreparedStatement end = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                end.setInt(1, backends.get(0));
                end.execute();
            }
            awaitListening(2, backends);
            UUID id = enqueueAsIntake(1).get(0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!handled.contains(id) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(handled.contains(id), "the listener, on its new connection, was woken by the notification");
        }
    }

    /** Until the listener's {@code n}-th connection LISTENs (the server shows it among the channel's listeners). */
    private static void awaitListening(int n, List<Integer> backends) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (backends.size() >= n) {
                try (Connection admin = db.admin(); PreparedStatement listening = admin.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND query = 'LISTEN ' || ?")) {
                    listening.setInt(1, backends.get(n - 1));
                    listening.setString(2, PgQueue.CHANNEL);
                    try (ResultSet rows = listening.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) == 1) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the listener's connection number " + n + " did not LISTEN within 20 s");
    }

    private void assertListenerHandlesNewMessage(Duration poll, boolean suppressNotify) throws Exception {
        PgQueue queue = queue(3, Duration.ZERO, 10);
        Set<UUID> handled = ConcurrentHashMap.newKeySet();
        QueueWorker worker = new QueueWorker(queue, TOPIC, JDBC, (c, m) -> handled.add(m.id()), Throwable::toString);
        try (QueueListener listener = new QueueListener(db::asStaff, worker, poll)) {
            listener.start();
            Thread.sleep(300); // let it LISTEN and do its first, empty drain
            UUID id;
            if (suppressNotify) {
                try (Connection staff = db.asStaff(); Statement sql = staff.createStatement()) {
                    sql.execute("ALTER TABLE queue.message DISABLE TRIGGER message_enqueued");
                }
            }
            try {
                id = enqueueAsIntake(1).get(0);
            } finally {
                try (Connection staff = db.asStaff(); Statement sql = staff.createStatement()) {
                    sql.execute("ALTER TABLE queue.message ENABLE TRIGGER message_enqueued");
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!handled.contains(id) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(handled.contains(id), "the listener handled the message");
        }
    }
}
