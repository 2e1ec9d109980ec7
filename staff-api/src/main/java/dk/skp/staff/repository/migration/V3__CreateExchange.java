package dk.skp.staff.repository.migration;

import dk.skp.model.queue.QueueSchema;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Reporter status and partner keys, shared with intake; the DDL lives in shared-model beside the queue's. */
public class V3__CreateExchange extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        QueueSchema.createExchangeV1(context.getConnection(), context.getConfiguration().getPlaceholders().get("intake_role"));
    }
}
