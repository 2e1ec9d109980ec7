package dk.skp.staff.repository.migration;

import dk.skp.model.queue.QueueSchema;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Questions to reporters: the shared part (exchange.reporter_question, whose DDL and intake grants live in
 * shared-model beside the rest of the exchange schema) and staff's own part, which holds who asked and the answer.
 * The answer is kept only here, in the schema intake cannot even see.
 */
public class V18__CreateReporterQuestions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        QueueSchema.createExchangeV2(context.getConnection(), context.getConfiguration().getPlaceholders().get("intake_role"));
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    -- id is the question's id in exchange.reporter_question, where its text is.
                    CREATE TABLE staff.concern_question (
                        id                 uuid        PRIMARY KEY,
                        concern_id         uuid        NOT NULL REFERENCES staff.concern (id),
                        asked_by           text        NOT NULL,
                        asked_by_name      text,
                        asked_at           timestamptz NOT NULL,
                        -- how the reporter was told: STATUS_PAGE (they hold a passcode), EMAIL (a mail with the reference)
                        told_by            text[]      NOT NULL,
                        answer             text,
                        answered_at        timestamptz,
                        answer_received_at timestamptz,
                        -- when someone of the team first read the answer: until then the inbox flags the concern
                        answer_read_at     timestamptz
                    );
                    CREATE INDEX concern_question_concern_idx ON staff.concern_question (concern_id);
                    CREATE INDEX concern_question_unread_idx ON staff.concern_question (concern_id)
                        WHERE answer_received_at IS NOT NULL AND answer_read_at IS NULL;
                    """);
        }
    }
}
