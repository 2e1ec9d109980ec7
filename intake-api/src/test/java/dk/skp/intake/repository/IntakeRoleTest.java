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

    private static void assertDenied(org.junit.jupiter.api.function.Executable statement) {
        SQLException denied = assertThrows(SQLException.class, statement);
        assertEquals("42501", denied.getSQLState(), "expected insufficient_privilege, got: " + denied.getMessage());
    }
}
