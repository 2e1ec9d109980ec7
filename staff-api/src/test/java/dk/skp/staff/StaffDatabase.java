package dk.skp.staff;

import dk.skp.model.db.DatabaseSettings;
import dk.skp.model.db.TestDatabase;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueSettings;
import dk.skp.model.queue.SealKeys;
import dk.skp.model.queue.Sealer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A database of its own on the real PostgreSQL for the staff service under test; staff's migrations build it. */
public class StaffDatabase implements QuarkusTestResourceLifecycleManager {

    private static TestDatabase db;

    @Override
    public Map<String, String> start() {
        db = TestDatabase.create("staff");
        DatabaseSettings s = db.settings();
        return Map.of("skp.db.host", s.host(), "skp.db.port", String.valueOf(s.port()), "skp.db.name", s.database(),
                "skp.db.staff-user", s.staffUser(), "skp.db.staff-password", s.staffPassword(),
                "skp.db.intake-user", s.intakeUser());
    }

    @Override
    public void stop() {
        db.close();
    }

    public static TestDatabase database() {
        return db;
    }

    /**
     * Intake's end of the seal: the public half of the development keyset that staff's test profile opens with, as
     * intake's own test profile has it.
     */
    public static final Sealer INTAKE_SEALER = SealKeys.sealer("SKP_SEAL_PUBLIC_KEYSET", SealKeys.DEVELOPMENT);

    /** Puts a message on the queue exactly as intake does: sealed, with intake's role, in a committed transaction. */
    public static void enqueueAsIntake(ConcernSubmitted message) {
        enqueueRawAsIntake(message.messageId(), INTAKE_SEALER.seal(ConcernSubmitted.TOPIC, message.messageId(),
                MessageCodec.encode(message)));
    }

    /** Puts these messages on the queue as intake does, all in one committed transaction (so one claim sees them all). */
    public static void enqueueAllAsIntake(java.util.List<ConcernSubmitted> messages) {
        try (Connection intake = db.asIntake()) {
            intake.setAutoCommit(false);
            PgQueue queue = new PgQueue(QueueSettings.defaults());
            for (ConcernSubmitted message : messages) {
                queue.enqueue(intake, ConcernSubmitted.TOPIC, message.messageId(), INTAKE_SEALER.seal(
                        ConcernSubmitted.TOPIC, message.messageId(), MessageCodec.encode(message)));
            }
            intake.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message's JSON sealed as intake seals it, for a topic and message id. */
    public static String sealedAsIntake(String topic, java.util.UUID id, String json) {
        return INTAKE_SEALER.seal(topic, id, json);
    }

    /** Puts this payload on the concerns' topic as it is: plaintext as from an intake before sealing, or altered. */
    public static void enqueueRawAsIntake(java.util.UUID id, String payload) {
        try (Connection intake = db.asIntake()) {
            new PgQueue(QueueSettings.defaults()).enqueue(intake, ConcernSubmitted.TOPIC, id, payload);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        try (Connection staff = db.asStaff(); Statement s = staff.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when there is none). */
    public static String text(String sql) {
        try (Connection staff = db.asStaff(); Statement s = staff.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
