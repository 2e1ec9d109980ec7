package dk.skp.intake.queue;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.message.ReporterAnswered;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueSettings;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/** The producer's end of the queue to staff (concerns, and reporters' answers). Must be called inside the caller's transaction. */
@ApplicationScoped
public class ConcernQueue {

    private final AgroalDataSource dataSource;
    private final PgQueue queue = new PgQueue(QueueSettings.defaults());

    public ConcernQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void publish(ConcernSubmitted message) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            queue.enqueue(connection, ConcernSubmitted.TOPIC, message.messageId(), MessageCodec.encode(message));
        }
    }

    /** A reporter's answer to the team's question: the only way it reaches staff, and intake keeps no copy. */
    public void publish(ReporterAnswered message) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            queue.enqueue(connection, ReporterAnswered.TOPIC, message.messageId(), MessageCodec.encode(message));
        }
    }
}
