package dk.skp.intake.queue;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.message.ReporterAnswered;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueSettings;
import dk.skp.model.queue.Sealer;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The producer's end of the queue to staff (concerns, and reporters' answers). Must be called inside the caller's
 * transaction. Every message is sealed to staff's public key before it is queued: the row holds no personal data that
 * intake, a database dump or a backup could read (see {@link dk.skp.model.queue.SealedPayload}).
 */
@ApplicationScoped
public class ConcernQueue {

    private final AgroalDataSource dataSource;
    private final PgQueue queue = new PgQueue(QueueSettings.defaults());
    private final Sealer sealer;

    public ConcernQueue(AgroalDataSource dataSource, Sealer sealer) {
        this.dataSource = dataSource;
        this.sealer = sealer;
    }

    public void publish(ConcernSubmitted message) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            queue.enqueue(connection, ConcernSubmitted.TOPIC, message.messageId(),
                    sealer.seal(ConcernSubmitted.TOPIC, message.messageId(), MessageCodec.encode(message)));
        }
    }

    /** A reporter's answer to the team's question: the only way it reaches staff, and intake keeps no copy. */
    public void publish(ReporterAnswered message) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            queue.enqueue(connection, ReporterAnswered.TOPIC, message.messageId(),
                    sealer.seal(ReporterAnswered.TOPIC, message.messageId(), MessageCodec.encode(message)));
        }
    }
}
