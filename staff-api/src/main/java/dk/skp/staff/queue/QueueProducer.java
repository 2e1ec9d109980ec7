package dk.skp.staff.queue;

import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueSettings;
import dk.skp.staff.config.StaffConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class QueueProducer {

    @Produces
    @Singleton
    PgQueue queue(StaffConfig config) {
        StaffConfig.Queue q = config.queue();
        return new PgQueue(new QueueSettings(q.maxAttempts(), q.firstBackoff(), q.maxBackoff(), q.batchSize(),
                q.pollInterval()));
    }
}
