package dk.skp.staff.admin;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.queue.PgQueue;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.admin.DeadMessageViews.DeadMessage;
import dk.skp.staff.admin.DeadMessageViews.DeadMessageList;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Dead queue messages for admins: look at them (without their content), put one back in line once its cause is
 * fixed, or throw one away. Replays and discards are logged and audited; the queue listener picks a replayed message
 * up at once (the replay sends a notification at commit).
 */
@ApplicationScoped
public class DeadMessageService {

    private static final Logger LOG = Logger.getLogger(DeadMessageService.class);

    private final PgQueue queue;
    private final AgroalDataSource dataSource;
    private final AuditLog audit;

    public DeadMessageService(PgQueue queue, AgroalDataSource dataSource, AuditLog audit) {
        this.queue = queue;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    @Transactional
    public DeadMessageList list(String topic, int limit) {
        // The pool enlists the connection in this transaction, as it does for the queue consumer.
        try (Connection connection = dataSource.getConnection()) {
            var items = queue.listDead(connection, topic, limit).stream().map(DeadMessageService::view).toList();
            return new DeadMessageList(items, queue.countDead(connection, topic));
        } catch (SQLException e) {
            throw ProblemException.unavailable(e);
        }
    }

    @Transactional
    public void replay(Viewer admin, UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            var dead = queue.findDead(connection, id).orElseThrow(DeadMessageService::notFound);
            if (!queue.replay(connection, id)) {
                throw notFound(); // replayed or discarded by someone else a moment ago
            }
            audit.record(admin, AuditLog.Action.DEAD_MESSAGE_REPLAYED, null, details(dead));
            LOG.infof("%s replayed dead message %s on %s (had failed %d times: %s)", admin.subject(), id, dead.topic(),
                    dead.attempts(), dead.lastError());
        } catch (SQLException e) {
            throw ProblemException.unavailable(e);
        }
    }

    @Transactional
    public void discard(Viewer admin, UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            var dead = queue.findDead(connection, id).orElseThrow(DeadMessageService::notFound);
            if (!queue.discard(connection, id)) {
                throw notFound();
            }
            audit.record(admin, AuditLog.Action.DEAD_MESSAGE_DISCARDED, null, details(dead));
            LOG.warnf("%s discarded dead message %s on %s for good (had failed %d times: %s)", admin.subject(), id,
                    dead.topic(), dead.attempts(), dead.lastError());
        } catch (SQLException e) {
            throw ProblemException.unavailable(e);
        }
    }

    /**
     * Retention: discards up to {@code limit} messages that died before {@code cutoff}, in the caller's transaction,
     * each audited like an admin's discard. A message nobody replayed in that time will not be, and what it carries
     * (a whole concern) is personal data SKP has no business keeping.
     *
     * @return how many were discarded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int discardDeadBefore(Viewer system, Instant cutoff, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            List<dk.skp.model.queue.DeadMessage> discarded = queue.discardDeadBefore(connection, cutoff, limit);
            for (var dead : discarded) {
                Map<String, Object> details = details(dead);
                details.put("diedAt", dead.deadAt().toString());
                audit.record(system, AuditLog.Action.DEAD_MESSAGE_DISCARDED, null, details);
                LOG.warnf("retention discarded dead message %s on %s, dead since %s and never replayed (had failed %d "
                        + "times: %s)", dead.id(), dead.topic(), dead.deadAt(), dead.attempts(), dead.lastError());
            }
            return discarded.size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not discard old dead messages", e);
        }
    }

    private static Map<String, Object> details(dk.skp.model.queue.DeadMessage dead) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageId", dead.id().toString());
        details.put("topic", dead.topic());
        details.put("attempts", dead.attempts());
        return details;
    }

    private static DeadMessage view(dk.skp.model.queue.DeadMessage m) {
        return new DeadMessage(m.id(), m.topic(), m.enqueuedAt(), m.attempts(), m.lastError(), m.deadAt());
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "deadMessage.notFound");
    }
}
