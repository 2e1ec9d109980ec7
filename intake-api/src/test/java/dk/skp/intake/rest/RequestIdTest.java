package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Every answer names its request id, and the service's log lines about that request carry it and the reference. */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class RequestIdTest {

    /** The log lines' messages with their MDC fields. */
    static final class Fields extends Handler implements AutoCloseable {
        final List<Map.Entry<String, Map<String, String>>> lines = new ArrayList<>();

        Fields() {
            setLevel(Level.ALL);
            Logger.getLogger("").addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            Map<String, String> mdc = record instanceof ExtLogRecord ext ? Map.copyOf(ext.getMdcCopy()) : Map.of();
            lines.add(Map.entry(String.valueOf(record.getMessage()) + " " + List.of(
                    record.getParameters() == null ? new Object[0] : record.getParameters()), mdc));
        }

        synchronized List<Map.Entry<String, Map<String, String>>> about(String reference) {
            return lines.stream().filter(line -> line.getKey().contains(reference)).toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }

    private static Response submit(String requestId) throws Exception {
        var request = given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.when().post("/api/v1/concerns").then().statusCode(202).extract().response();
    }

    @Test
    void aNewIdIsGivenAndTheAcceptedLineCarriesItAndTheReference() throws Exception {
        try (Fields log = new Fields()) {
            Response answer = submit(null);
            String id = answer.header("X-Request-Id");
            String reference = answer.path("reference");
            assertTrue(id != null && id.matches("[0-9a-f]{24}"), id);
            var lines = log.about(reference);
            assertTrue(lines.stream().anyMatch(line -> line.getKey().startsWith("accepted concern")), lines::toString);
            lines.forEach(line -> {
                assertEquals(id, line.getValue().get("requestId"), line::toString);
                assertEquals(reference, line.getValue().get("reference"), line::toString);
            });
        }
    }

    @Test
    void aProxysHexadecimalIdIsKeptAndAnythingElseReplaced() throws Exception {
        String proxys = "3f2c9a1e-7b64-4d0a-9c1f-5e8a2b7d4c60";
        assertEquals(proxys, submit(proxys).header("X-Request-Id"));

        try (Fields log = new Fields()) {
            Response answer = submit("Jens Hansen, Vestergade 12");
            String id = answer.header("X-Request-Id");
            assertNotEquals("Jens Hansen, Vestergade 12", id);
            assertTrue(id.matches("[0-9a-f]{24}"), id);
            String reference = answer.path("reference");
            assertEquals(id, log.about(reference).get(0).getValue().get("requestId"));
            synchronized (log) {
                assertTrue(log.lines.stream().noneMatch(line -> line.toString().contains("Jens Hansen")),
                        "what a client sends as its id never reaches the log");
            }
        }
    }
}
