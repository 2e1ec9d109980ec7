package dk.skp.staff.repository.migration;

import dk.skp.model.queue.QueueSchema;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The queue between intake and staff. Its DDL lives with the queue library in shared-model; staff, as the
 * queue's owner, applies it once through its own migration history.
 */
public class V1__CreateQueue extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String intakeRole = context.getConfiguration().getPlaceholders().get("intake_role");
        QueueSchema.createV1(context.getConnection(), intakeRole);
    }
}
