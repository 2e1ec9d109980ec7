package dk.skp.staff.queue;

import dk.skp.model.queue.QueueWorker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;

/** The transaction each batch of a topic is claimed, handled and completed in. */
@ApplicationScoped
public class QueueTransactions implements QueueWorker.Transactions {

    private final AgroalDataSource dataSource;

    public QueueTransactions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inNewTransaction(QueueWorker.SqlWork<T> work) {
        // The pool hands the same connection to Hibernate within this transaction, so the claim's row locks,
        // the handler's writes and the message's delete commit or roll back together.
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        });
    }
}
