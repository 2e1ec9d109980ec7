package dk.skp.intake.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pooled connections are checked only when they have been idle a second or more (quarkus.datasource.jdbc.
 * foreground-validation-interval), not at every borrow, which cost a round trip per borrow. So after an outage the
 * pool may still hold connections to a server that went away (restarted, failed over, or refused us): every answer
 * that says 503 checks the idle ones at once and drops the dead, in the background, so that the requests after the
 * database is back get fresh connections instead of failing on old ones (WebFormOutageTest).
 */
@ApplicationScoped
public class PoolAfterOutage {

    private static final Logger LOG = Logger.getLogger(PoolAfterOutage.class);

    private final AgroalDataSource dataSource;
    private final AtomicBoolean checking = new AtomicBoolean();

    public PoolAfterOutage(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ServerResponseFilter
    public void afterAnAnswer(ContainerResponseContext response) {
        if (response.getStatus() == 503 && checking.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    dataSource.flush(AgroalDataSource.FlushMode.INVALID);
                } catch (RuntimeException e) {
                    LOG.debugf("checking the pooled connections after a 503 failed: %s", e.toString());
                } finally {
                    checking.set(false);
                }
            });
        }
    }
}
