package dk.skp.staff.hostile;

import static dk.skp.staff.ConcernSteps.ADMIN;
import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.skp.model.hostile.Hostile;
import dk.skp.model.hostile.LogCapture;
import dk.skp.model.hostile.RawHttp;
import dk.skp.model.hostile.Tally;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile requests to every operation of the committed {@code openapi/staff-api.json}, each with a valid
 * token of a role that may call it, so that the hostile input reaches the handlers: about 1,200 a run, from one
 * printed seed ({@code -Dskp.hostile.seed=...} repeats a run exactly). An operation of the document without a row
 * here fails the test.
 * <p>
 * For every answer: never 5xx; a 4xx is {@code application/problem+json}; and when the answer is not 2xx, no table
 * that keeps what staff send (concerns, contact persons, attempts, questions, partners and keys, entry idempotency,
 * mails, queue, exchange, audit trail) grew. The one exception: a request that is no valid HTTP for Vert.x (a request
 * target with spaces, raw non-ASCII bytes or a '%' that starts no escape, control characters in a header, headers or
 * a request line over the server's limits) is refused by Vert.x itself before the application, with 400/414/431 and an
 * empty body; only such requests may get that answer. Nothing any request carried may reach the log
 * ({@link Hostile#MARKER}).
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class HostileStaffTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 1_200;
    private static final String[] TABLES = { "staff.concern", "audit.audit_event", "staff.contact_person",
            "staff.contact_attempt", "staff.concern_question", "staff.entry_idempotency", "staff.mail_outbox",
            "exchange.partner", "exchange.partner_key", "exchange.reporter_question", "exchange.reporter_status",
            "queue.message" };
    private static final String HOLDER = Tokens.of("contact-person", "cp-hostile");

    /** Who may call: the token a request is sent with. */
    enum Caller {
        ADMIN, COORDINATOR, HOLDER
    }

    record Op(String method, String template, Caller caller, String body, List<String> query) {

        String key() {
            return method + " " + template.replaceAll("\\{(concern|contactPerson|partner|nobody|other)}", "{id}");
        }
    }

    private static final String ATTEMPT = """
            {"attemptedAt": "2026-11-02T09:00:00Z", "channel": "PHONE", "outcome": "NO_ANSWER", "placeNote": "Ved bænken",
             "nextStep": "Prøv igen", "nextStepOn": "2026-11-09"}""";
    private static final String TRIAGE = """
            {"outcome": "ACCEPTED", "priority": "HIGH", "targetGroups": ["HOMELESSNESS"], "district": "Vollsmose",
             "reason": "Sleeps rough"}""";
    private static final String ENTRY = """
            {"channel": "PHONE", "issuePasscode": false, "report": {
              "reporter": {"role": "NEIGHBOUR", "anonymity": "ANONYMOUS"},
              "person": {"ageBand": "50_66", "knowsAboutReport": "NO", "appearance": "Grå frakke, stok"},
              "whereabouts": {"address": "Vestergade 12, 2. th.", "postcode": "5000", "regularity": "DAILY"},
              "observations": {"indicators": ["SOCIAL_ISOLATION"], "description": "Har ikke set ham i to uger."},
              "urgency": "NORMAL"}}""";
    private static final List<String> PAGING = List.of("after", "limit");

    private static final List<Op> OPS = List.of(
            op("GET", "/api/v1/admin/contact-persons", Caller.ADMIN, null),
            op("POST", "/api/v1/admin/contact-persons", Caller.ADMIN, """
                    {"subject": "cp-new", "name": "Nina Ny", "email": "nina@skp.example", "districts": ["Vollsmose"],
                     "capacity": 5, "absentUntil": null}"""),
            op("GET", "/api/v1/admin/contact-persons/{contactPerson}", Caller.ADMIN, null),
            op("PUT", "/api/v1/admin/contact-persons/{contactPerson}", Caller.ADMIN, """
                    {"name": "Hanne Holder", "email": "cp-hostile@skp.example", "districts": ["Vollsmose"],
                     "capacity": 10, "absentUntil": null}"""),
            op("DELETE", "/api/v1/admin/contact-persons/{nobody}", Caller.ADMIN, null),
            op("GET", "/api/v1/admin/dead-messages", Caller.ADMIN, null, "limit", "topic"),
            op("DELETE", "/api/v1/admin/dead-messages/{nobody}", Caller.ADMIN, null),
            op("POST", "/api/v1/admin/dead-messages/{nobody}/replay", Caller.ADMIN, null),
            op("GET", "/api/v1/admin/partners", Caller.ADMIN, null),
            op("POST", "/api/v1/admin/partners", Caller.ADMIN,
                    "{\"id\": \"hostile-partner-new\", \"name\": \"Ny partner\", \"defaultRole\": \"POLICE\"}"),
            op("DELETE", "/api/v1/admin/partners/{nobody}", Caller.ADMIN, null),
            op("POST", "/api/v1/admin/partners/{nobody}/keys", Caller.ADMIN, null),
            op("DELETE", "/api/v1/admin/partners/{partner}/keys/{prefix}", Caller.ADMIN, null),
            op("GET", "/api/v1/audit", Caller.ADMIN, null, "actor", "after", "concern", "from", "limit", "reference", "to"),
            op("GET", "/api/v1/concerns", Caller.COORDINATOR, null, "after", "assignedTo", "district", "limit",
                    "priority", "reference", "status"),
            op("POST", "/api/v1/concerns", Caller.COORDINATOR, ENTRY),
            op("GET", "/api/v1/concerns/claimable", Caller.HOLDER, null, "after", "district", "limit"),
            op("GET", "/api/v1/concerns/inbox", Caller.COORDINATOR, null, "after", "limit"),
            op("GET", "/api/v1/concerns/overdue", Caller.COORDINATOR, null, "after", "limit"),
            op("POST", "/api/v1/concerns/search", Caller.COORDINATOR,
                    "{\"q\": \"bænk\", \"address\": \"Vestergade\", \"postcode\": \"5000\", \"limit\": 10}"),
            op("GET", "/api/v1/concerns/{concern}", Caller.HOLDER, null),
            op("PUT", "/api/v1/concerns/{concern}/assignment", Caller.COORDINATOR, "{\"contactPersonId\": \"{contactPerson}\"}"),
            op("DELETE", "/api/v1/concerns/{concern}/assignment", Caller.COORDINATOR, null),
            op("GET", "/api/v1/concerns/{concern}/assignment-suggestions", Caller.COORDINATOR, null),
            op("POST", "/api/v1/concerns/{concern}/attempts", Caller.HOLDER, ATTEMPT),
            op("GET", "/api/v1/concerns/{concern}/briefing", Caller.HOLDER, null),
            op("PUT", "/api/v1/concerns/{concern}/briefing/team", Caller.COORDINATOR, "{\"team\": \"PAIR\"}"),
            op("POST", "/api/v1/concerns/{concern}/claim", Caller.HOLDER, null),
            op("POST", "/api/v1/concerns/{concern}/close", Caller.COORDINATOR,
                    "{\"reason\": \"DECEASED\", \"note\": \"Oplyst af politiet\"}"),
            op("GET", "/api/v1/concerns/{concern}/linked", Caller.HOLDER, null),
            op("POST", "/api/v1/concerns/{concern}/links", Caller.COORDINATOR, "{\"concernId\": \"{other}\"}"),
            op("DELETE", "/api/v1/concerns/{concern}/links", Caller.COORDINATOR, null),
            op("POST", "/api/v1/concerns/{concern}/questions", Caller.COORDINATOR, "{\"question\": \"Hvornår er han der?\"}"),
            op("POST", "/api/v1/concerns/{concern}/reopen", Caller.COORDINATOR, null),
            op("GET", "/api/v1/concerns/{concern}/same-person-candidates", Caller.COORDINATOR, null),
            op("POST", "/api/v1/concerns/{concern}/triage", Caller.COORDINATOR, TRIAGE),
            op("GET", "/api/v1/me", Caller.HOLDER, null),
            op("GET", "/api/v1/municipality", Caller.COORDINATOR, null),
            op("GET", "/api/v1/statistics", Caller.COORDINATOR, null, "from", "to"));

    private static Op op(String method, String template, Caller caller, String body, String... query) {
        return new Op(method, template, caller, body, List.of(query));
    }

    @Inject
    ConcernSubmittedConsumer consumer;

    @Test
    void everyHostileRequestIsRefusedCleanlyAndLeavesNothingBehind() throws Exception {
        assertEquals(operationsInTheDocument(), new TreeSet<>(OPS.stream().map(Op::key).toList()),
                "every operation of openapi/staff-api.json needs exactly one row here");
        Hostile hostile = Hostile.seeded("HostileStaffTest");
        String holderRecord = contactPerson("cp-hostile", "Hanne Holder", "[\"Vollsmose\"]", 10, null);
        String concern = receive(consumer);
        triage(concern, "Vollsmose");
        assign(concern, holderRecord);
        String other = receive(consumer);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"id\": \"hostile-partner\", \"name\": \"Hostile Partner\", \"defaultRole\": \"POLICE\"}")
                .when().post("/api/v1/admin/partners").then().statusCode(201);
        Map<String, String> fixtures = Map.of("{concern}", concern, "{contactPerson}", holderRecord,
                "{partner}", "hostile-partner", "{nobody}", UUID.randomUUID().toString(), "{prefix}", "nokey",
                "{other}", other);
        Map<Caller, String> tokens = Map.of(Caller.ADMIN, ADMIN, Caller.COORDINATOR, COORDINATOR, Caller.HOLDER, HOLDER);

        Tally tally = new Tally("HostileStaffTest");
        int port = RestAssured.port;
        long started = System.currentTimeMillis();
        try (LogCapture log = LogCapture.install(); Connection db = StaffDatabase.database().admin()) {
            long[] before = counts(db);
            for (int n = 0; n < REQUESTS; n++) {
                Op op = OPS.get(n % OPS.size()); // every operation as often as the others
                Built built = build(hostile, op, fixtures, tokens.get(op.caller()), concern);
                if (built.readFirst()) {
                    before = counts(db); // the read of the ETag wrote its audit row
                }
                String asked = "#" + n + " " + op.key() + " " + built.kind() + " " + built.request().describe();
                RawHttp.Answer answer;
                long sent = System.nanoTime();
                try {
                    answer = RawHttp.send(port, built.request());
                    tally.took(op.key(), (System.nanoTime() - sent) / 1_000_000);
                } catch (java.io.IOException e) {
                    tally.count(built.kind(), 999);
                    tally.wrong(asked + ": no answer (" + e + ")");
                    before = counts(db);
                    continue;
                }
                tally.count(built.kind(), answer.status());
                String what = asked + " -> " + answer.status() + " " + answer.contentType();
                check(tally, built.request(), answer, what);
                long[] after = counts(db);
                if (answer.status() / 100 != 2) {
                    tally.storedNothing(what, TABLES, before, after);
                }
                before = after;
            }
            List<String> leaked = log.containing(Hostile.MARKER);
            assertEquals(List.of(), leaked.stream().limit(5).map(RawHttp::abbreviate).toList(),
                    "nothing a client sent reaches the log");
        }
        tally.print(hostile.seed(), System.currentTimeMillis() - started);
        assertTrue(tally.sent() >= 1_000);
        assertEquals(List.of(), tally.wrongs());
    }

    record Built(RawHttp.Request request, String kind, boolean readFirst) {
    }

    private Built build(Hostile h, Op op, Map<String, String> fixtures, String token, String concern) throws Exception {
        String path = op.template();
        for (Map.Entry<String, String> f : fixtures.entrySet()) {
            path = path.replace(f.getKey(), f.getValue());
        }
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] { "Authorization", "Bearer " + token });
        byte[] body = null;
        String kind = "VALID";
        String contentType = null;
        if (op.body() != null) {
            String json = op.body();
            for (Map.Entry<String, String> f : fixtures.entrySet()) {
                json = json.replace(f.getKey(), f.getValue());
            }
            if (op.template().equals("/api/v1/admin/contact-persons") || op.template().equals("/api/v1/admin/partners")) {
                json = json.replace("cp-new", "cp-" + h.nextInt(1_000_000))
                        .replace("hostile-partner-new", "hp-" + h.nextInt(1_000_000));
            }
            JsonNode valid = JSON.readTree(json);
            Hostile.Body mutated = h.mutate(valid, 12);
            body = mutated.bytes();
            kind = mutated.kind().name();
            contentType = "application/json";
        }
        boolean readFirst = false;
        if (!op.method().equals("GET")) {
            // Mostly stale, so that a valid request changes nothing; now and then the current one, to reach the change.
            readFirst = h.chance(20);
            headers.add(new String[] { "If-Match", readFirst ? etag(concern) : "\"999999999\"" });
        }
        if (op.template().equals("/api/v1/concerns") && op.method().equals("POST") && h.chance(50)) {
            headers.add(new String[] { "Idempotency-Key", "hostile-" + h.nextInt(1_000_000) });
        }
        String query = null;
        String first = kind;
        if (kind.equals("VALID") || h.chance(35)) {
            switch (h.nextInt(5)) {
            case 0, 1 -> {
                String header = h.oneOf("Accept-Language", "Authorization", "Idempotency-Key", "If-Match", "Accept",
                        "X-Forwarded-For", "Accept-Language", "If-Match");
                headers.removeIf(existing -> existing[0].equals(header));
                headers.add(new String[] { header, h.headerValue(header) });
                kind = "HEADER";
            }
            case 2 -> {
                contentType = h.oneOf("text/plain", "application/json; charset=latin-7", "multipart/form-data; boundary=xx",
                        "application/json; charset=utf-16", h.headerValue("Content-Type"), "application/xml", "");
                kind = "CONTENT_TYPE";
            }
            case 3 -> {
                // Within the API: /api/v1/ stays, so that the client's shell does not answer instead.
                String[] segments = path.split("/", -1);
                int at = 3 + h.nextInt(Math.max(1, segments.length - 3));
                if (at < segments.length) {
                    segments[at] = h.segment();
                }
                path = String.join("/", segments) + h.oneOf("", "", "/", "/" + h.segment());
                kind = "PATH";
            }
            default -> {
                query = h.query(op.query().isEmpty() ? PAGING : op.query());
                kind = "QUERY";
            }
            }
        }
        if (contentType != null && !contentType.isEmpty()) {
            headers.add(new String[] { "Content-Type", contentType });
        }
        if (h.chance(30)) {
            headers.add(new String[] { "Accept-Language", h.headerValue("Accept-Language") });
        }
        return new Built(new RawHttp.Request(op.method(), query == null ? path : path + "?" + query, headers, body),
                first.equals(kind) || first.equals("VALID") ? kind : first + "+" + kind, readFirst);
    }

    private static String etag(String concern) {
        return given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + concern).then().extract()
                .header("ETag");
    }

    private static void check(Tally tally, RawHttp.Request request, RawHttp.Answer answer, String what) {
        int status = answer.status();
        if (status >= 500) {
            tally.wrong(what + ": " + RawHttp.abbreviate(answer.text()));
            return;
        }
        if (status < 400) {
            return;
        }
        if (answer.body().length == 0 && Hostile.mayBeRefusedByServer(request)
                && (status == 400 || status == 414 || status == 431 || status == 413)) {
            tally.refusedByServer();
            return;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            tally.wrong(what + ": a " + status + " as " + answer.contentType() + " " + RawHttp.abbreviate(answer.text()));
        }
    }

    private static long[] counts(Connection db) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < TABLES.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM ").append(TABLES[i]).append(')');
        }
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql.toString())) {
            row.next();
            long[] counts = new long[TABLES.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = row.getLong(i + 1);
            }
            return counts;
        }
    }

    private static Set<String> operationsInTheDocument() throws Exception {
        JsonNode paths = JSON.readTree(Files.readString(Path.of("../openapi/staff-api.json"))).get("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }
}
