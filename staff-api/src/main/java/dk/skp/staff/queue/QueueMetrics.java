package dk.skp.staff.queue;

import dk.skp.model.problem.Failures;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.ReporterAnswered;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueStats;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Queue depth, age of the oldest pending message and dead messages, per topic staff consumes, as Prometheus gauges.
 * Read from the database on a schedule rather than on every scrape, so a slow database never makes /q/metrics slow.
 */
@ApplicationScoped
public class QueueMetrics {

    private static final Logger LOG = Logger.getLogger(QueueMetrics.class);
    private static final List<String> TOPICS = List.of(ConcernSubmitted.TOPIC, ReporterAnswered.TOPIC);

    private final PgQueue queue;
    private final AgroalDataSource dataSource;
    private final Map<String, AtomicReference<QueueStats>> latest = new LinkedHashMap<>();
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    public QueueMetrics(PgQueue queue, AgroalDataSource dataSource, MeterRegistry registry) {
        this.queue = queue;
        this.dataSource = dataSource;
        this.registry = registry;
        for (String topic : TOPICS) {
            AtomicReference<QueueStats> stats = new AtomicReference<>();
            latest.put(topic, stats);
            meters.add(Gauge.builder("skp.queue.pending", stats, s -> s.get() == null ? Double.NaN : s.get().pending())
                    .description("Messages waiting to be handled").tag("topic", topic).register(registry));
            meters.add(Gauge.builder("skp.queue.oldest.age.seconds", stats,
                    s -> s.get() == null ? Double.NaN : s.get().oldestPendingAge().toMillis() / 1000.0)
                    .description("Age of the oldest waiting message").tag("topic", topic).register(registry));
            meters.add(Gauge.builder("skp.queue.dead", stats, s -> s.get() == null ? Double.NaN : s.get().dead())
                    .description("Messages parked as dead after too many failures").tag("topic", topic).register(registry));
        }
    }

    /**
     * The registry can outlive this bean (it does when tests restart the service in one JVM); a gauge left behind
     * would keep reporting this instance's last reading and keep the next instance's gauge from registering.
     */
    @PreDestroy
    void unregister() {
        meters.forEach(registry::remove);
    }

    @Scheduled(every = "${skp.staff.queue.metrics-refresh}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try (Connection connection = dataSource.getConnection()) {
            for (String topic : TOPICS) {
                latest.get(topic).set(queue.stats(connection, topic));
            }
        } catch (SQLException e) {
            latest.values().forEach(stats -> stats.set(null)); // NaN: unknown, rather than a stale number that looks healthy
            LOG.warnf("could not read queue statistics: %s", Failures.describe(e));
        }
    }
}
