package dk.skp.intake.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.skp.intake.IntakeDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Logs in exactly as the running service does (its own datasource, its own role) and proves that the role can
 * read nothing of what was submitted: not the queue, not staff's schema.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class IntakeRoleTest {

    @Inject
    AgroalDataSource intakeDataSource;

    @Test
    void theIntakeRoleCannotReadTheQueue() throws SQLException {
        try (Connection c = intakeDataSource.getConnection(); Statement sql = c.createStatement()) {
            assertDenied(() -> sql.executeQuery("SELECT payload FROM queue.message"));
            assertDenied(() -> sql.executeQuery("SELECT count(*) FROM queue.message"));
            assertDenied(() -> sql.executeUpdate("UPDATE queue.message SET attempts = 0"));
            assertDenied(() -> sql.executeUpdate("DELETE FROM queue.message"));
            assertDenied(() -> sql.executeQuery("INSERT INTO queue.message (id, topic, payload) "
                    + "VALUES (gen_random_uuid(), 'x', '{}') RETURNING payload"));
        }
    }

    @Test
    void theIntakeRoleCannotReachTheStaffSchema() throws SQLException {
        try (Connection staff = IntakeDatabase.database().asStaff(); Statement sql = staff.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS staff.probe (secret text)");
            sql.execute("GRANT SELECT ON staff.probe TO PUBLIC"); // even a careless grant is not enough
        }
        try (Connection c = intakeDataSource.getConnection(); Statement sql = c.createStatement()) {
            assertDenied(() -> sql.executeQuery("SELECT * FROM staff.probe"));
            assertDenied(() -> sql.execute("CREATE TABLE staff.mine (x int)"));
            assertDenied(() -> sql.execute("CREATE TABLE queue.mine (x int)"));
            assertDenied(() -> sql.execute("CREATE TABLE public.mine (x int)"));
        }
    }

    /**
     * The team's questions: intake reads what the status page shows and sets answered_at, nothing more. It cannot
     * write a question, change one, or read an answer: answers never rest in the exchange, and the queue they travel
     * on is closed to it (staff's test proves the same for staff's table of answers, with the real schema).
     */
    @Test
    void theIntakeRoleMayShowAndMarkQuestionsButNotWriteThemNorReadAnswers() throws SQLException {
        try (Connection staff = IntakeDatabase.database().asStaff(); Statement sql = staff.createStatement()) {
            sql.execute("INSERT INTO exchange.reporter_question (id, reference, question, asked_at) "
                    + "VALUES ('00000000-0000-4000-8000-000000000001', 'SKP-ROLE-TEST', 'A question?', now())");
            sql.execute("INSERT INTO queue.message (id, topic, payload) VALUES (gen_random_uuid(), 'reporter-answered', "
                    + "'{\"answer\": \"secret\"}')");
        }
        try (Connection c = intakeDataSource.getConnection(); Statement sql = c.createStatement()) {
            sql.executeQuery("SELECT id, reference, question, asked_at, answered_at FROM exchange.reporter_question").close();
            assertDenied(() -> sql.executeQuery("SELECT payload FROM queue.message WHERE topic = 'reporter-answered'"));
            assertDenied(() -> sql.executeUpdate("UPDATE exchange.reporter_question SET question = 'changed'"));
            assertDenied(() -> sql.executeUpdate("UPDATE exchange.reporter_question SET reference = 'SKP-0000-0000'"));
            assertDenied(() -> sql.executeUpdate("UPDATE exchange.reporter_question SET asked_at = now()"));
            assertDenied(() -> sql.executeUpdate("DELETE FROM exchange.reporter_question"));
            assertDenied(() -> sql.executeUpdate("INSERT INTO exchange.reporter_question (id, reference, question, asked_at) "
                    + "VALUES (gen_random_uuid(), 'SKP-0000-0000', 'x', now())"));
            assertDenied(() -> sql.execute("ALTER TABLE exchange.reporter_question ADD COLUMN answer text"));
            assertDenied(() -> sql.execute("CREATE TABLE exchange.answers (answer text)"));
            // The status look-up's other columns stay closed too.
            assertDenied(() -> sql.executeQuery("SELECT status_changed_at FROM exchange.reporter_status"));
            assertEquals(1, sql.executeUpdate("UPDATE exchange.reporter_question SET answered_at = now() "
                    + "WHERE id = '00000000-0000-4000-8000-000000000001' AND answered_at IS NULL"));
        }
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable statement) {
        SQLException denied = assertThrows(SQLException.class, statement);
        assertEquals("42501", denied.getSQLState(), "expected insufficient_privilege, got: " + denied.getMessage());
    }
}
