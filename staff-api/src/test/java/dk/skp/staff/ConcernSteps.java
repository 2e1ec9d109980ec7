package dk.skp.staff;

import static io.restassured.RestAssured.given;

import dk.skp.model.exchange.Secrets;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The steps a concern goes through, over HTTP with real tokens, for tests that need a concern in a given state. Each
 * step checks its own answer, so a test fails where the flow breaks, not later.
 */
public final class ConcernSteps {

    public static final String COORDINATOR = Tokens.of("coordinator", "coordinator-1");
    public static final String ADMIN = Tokens.of("admin", "admin-1");

    private ConcernSteps() {
    }

    /**
     * Through the real queue, as intake sends it; returns the concern's id. The service's own listener may have
     * claimed the message first and not yet committed, so this waits for the concern rather than trusting the drain.
     */
    public static String receive(ConcernSubmittedConsumer consumer, ConcernSubmitted message) {
        StaffDatabase.enqueueAsIntake(message);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                consumer.drainNow();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String id = given().auth().oauth2(COORDINATOR).queryParam("reference", message.reference())
                    .when().get("/api/v1/concerns")
                    .then().statusCode(200).extract().path("items[0].id");
            if (id != null) {
                return id;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message.reference() + " did not reach staff within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    public static String receive(ConcernSubmittedConsumer consumer) {
        return receive(consumer, Messages.fresh(Instant.now()));
    }

    /** The ETag a coordinator's read gives now. */
    public static String etag(String id) {
        return given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    public static Response change(String token, String method, String path, String etag, String json) {
        var request = given().auth().oauth2(token).header("Accept-Language", "en");
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        if (json != null) {
            request = request.contentType(ContentType.JSON).body(json);
        }
        return request.when().request(method, path);
    }

    /** Triaged as taken on, in {@code district}; returns the new ETag. */
    public static String triage(String id, String district) {
        return change(COORDINATOR, "POST", "/api/v1/concerns/" + id + "/triage", etag(id), """
                {"outcome": "ACCEPTED", "priority": "HIGH", "targetGroups": ["HOMELESSNESS", "SUBSTANCE_ABUSE"],
                 "district": "%s", "reason": "Sleeps rough, known to the night shelter"}""".formatted(district))
                .then().statusCode(200).extract().header("ETag");
    }

    /** A registered contact person; returns their id. */
    public static String contactPerson(String subject, String name, String districtsJson, int capacity,
            String absentUntil) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"subject": "%s", "name": "%s", "email": "%s@skp.example", "districts": %s, "capacity": %d,
                 "absentUntil": %s}""".formatted(subject, name, subject, districtsJson, capacity,
                absentUntil == null ? "null" : "\"" + absentUntil + "\""))
                .when().post("/api/v1/admin/contact-persons")
                .then().statusCode(201).extract().path("id");
    }

    public static String assign(String id, String contactPersonId) {
        return change(COORDINATOR, "PUT", "/api/v1/concerns/" + id + "/assignment", etag(id),
                "{\"contactPersonId\": \"" + contactPersonId + "\"}")
                .then().statusCode(200).extract().header("ETag");
    }

    /** The passcode hasher the services use, with the test profile's secret. */
    public static dk.skp.model.exchange.PasscodeHasher passcodeHasher() {
        return new dk.skp.model.exchange.PasscodeHasher(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("skp.passcode.secret", String.class));
    }

    /** What intake does when a reporter asks for status updates: a row with a passcode hash, status RECEIVED. */
    public static void reporterAskedForUpdates(String reference) {
        try (Connection intake = StaffDatabase.database().asIntake();
                PreparedStatement insert = intake.prepareStatement(
                        "INSERT INTO exchange.reporter_status (reference, passcode_hash) VALUES (?, ?)")) {
            insert.setString(1, reference);
            insert.setString(2, passcodeHasher().hash(Secrets.newPasscode()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** status and status_changed_at as intake would read them. */
    public static String[] reporterStatus(String reference) {
        try (Connection admin = StaffDatabase.database().admin(); Statement sql = admin.createStatement();
                ResultSet row = sql.executeQuery("SELECT status, status_changed_at FROM exchange.reporter_status "
                        + "WHERE reference = '" + reference + "'")) {
            return row.next() ? new String[] { row.getString(1), row.getString(2) } : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String referenceOf(String id) {
        return given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + id)
                .then().statusCode(200).extract().path("reference");
    }

    public static void sql(String statement) {
        try (Connection admin = StaffDatabase.database().admin(); Statement sql = admin.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
