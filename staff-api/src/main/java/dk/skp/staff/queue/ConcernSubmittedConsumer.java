package dk.skp.staff.queue;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueListener;
import dk.skp.model.queue.QueueMessage;
import dk.skp.model.queue.QueueWorker;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.service.ConcernIntakeService;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Takes concerns off the queue and hands each to {@link ConcernIntakeService}. Claiming, registering and removing
 * a message happen in one transaction, so a concern is registered exactly once however many staff instances run.
 */
@ApplicationScoped
public class ConcernSubmittedConsumer {

    private static final Logger LOG = Logger.getLogger(ConcernSubmittedConsumer.class);

    private final PgQueue queue;
    private final AgroalDataSource dataSource;
    private final ConcernIntakeService intake;
    private final MeterRegistry metrics;
    private final StaffConfig.Queue config;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private QueueListener listener;

    public ConcernSubmittedConsumer(PgQueue queue, AgroalDataSource dataSource, ConcernIntakeService intake,
            MeterRegistry metrics, StaffConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.queue = queue;
        this.dataSource = dataSource;
        this.intake = intake;
        this.metrics = metrics;
        this.config = config.queue();
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("queue consumer is disabled (skp.staff.queue.enabled=false)");
            return;
        }
        QueueWorker worker = new QueueWorker(queue, ConcernSubmitted.TOPIC, this::inNewTransaction, this::handle,
                QueueErrors::describe);
        // LISTEN needs a connection of its own for as long as the service runs; the pool's are for short work.
        listener = new QueueListener(() -> DriverManager.getConnection(jdbcUrl, username, password), worker,
                config.pollInterval());
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (listener != null) {
            listener.close();
        }
    }

    /** Drains everything that is due now, e.g. from a test or an admin action, on the caller's thread. */
    public int drainNow() throws Exception {
        return new QueueWorker(queue, ConcernSubmitted.TOPIC, this::inNewTransaction, this::handle,
                QueueErrors::describe).drain();
    }

    private void handle(Connection connection, QueueMessage message) {
        intake.register(MessageCodec.decode(message.payload()));
        metrics.counter("skp.queue.consumed", "topic", message.topic()).increment();
    }

    private <T> T inNewTransaction(QueueWorker.SqlWork<T> work) {
        // The pool hands the same connection to Hibernate within this transaction, so the claim's row locks,
        // the concern's insert and the message's delete commit or roll back together.
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        });
    }
}
