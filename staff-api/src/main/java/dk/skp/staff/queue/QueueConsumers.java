package dk.skp.staff.queue;

import dk.skp.model.queue.QueueListener;
import dk.skp.staff.config.StaffConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.DriverManager;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the consumers of every topic staff reads (concerns, reporters' answers) on one listening connection: a
 * notification wakes them all, and each drains its own topic.
 */
@ApplicationScoped
public class QueueConsumers {

    private static final Logger LOG = Logger.getLogger(QueueConsumers.class);

    private final ConcernSubmittedConsumer concerns;
    private final ReporterAnsweredConsumer answers;
    private final StaffConfig.Queue config;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private QueueListener listener;

    public QueueConsumers(ConcernSubmittedConsumer concerns, ReporterAnsweredConsumer answers, StaffConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.concerns = concerns;
        this.answers = answers;
        this.config = config.queue();
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("queue consumers are disabled (skp.staff.queue.enabled=false)");
            return;
        }
        // LISTEN needs a connection of its own for as long as the service runs; the pool's are for short work.
        listener = new QueueListener(() -> DriverManager.getConnection(jdbcUrl, username, password),
                List.of(concerns.worker(), answers.worker()), config.pollInterval(), config.consumerThreads());
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (listener != null) {
            listener.close();
        }
    }
}
