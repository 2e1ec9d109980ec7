package dk.skp.intake.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.intake.protection.SpamGuard;
import dk.skp.model.hostile.Hostile;
import dk.skp.model.hostile.LogCapture;
import dk.skp.model.hostile.RawHttp;
import dk.skp.model.hostile.Tally;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile requests against every public surface of intake: the JSON API (anonymous and with a partner's
 * key), the challenge, the catalog, the status look-up and answers (API and pages), and the web form. About 1,300
 * requests a run, from one printed seed ({@code -Dskp.hostile.seed=...} repeats a run exactly).
 * <p>
 * For every answer: never 5xx; a 4xx is {@code application/problem+json} on the API and {@code text/html} on the
 * pages (where the framework refuses a page's method, media type, size or path before the page is reached - 404,
 * 405, 406, 413, 415 - it answers problem+json, as it does for the API); and when the answer is not 2xx, no table
 * that keeps what clients send grew. The one exception, documented here: a request that is no valid HTTP for Vert.x
 * (a request target with spaces, raw non-ASCII bytes or a '%' that starts no escape, control characters in a
 * header, headers or a request line over the server's limits) is refused by Vert.x itself before the application,
 * with 400/414/431 and an empty body. Only such requests may get that answer. Nothing any request carried may reach
 * the log ({@link Hostile#MARKER}). Requests come from 127.0.0.2, a client, not the proxy the service trusts.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class HostileIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 1_300;
    /** Tables that keep what clients send (or what it caused): none may grow from a request that was refused. */
    private static final String COUNTS = """
            SELECT (SELECT count(*) FROM queue.message), (SELECT count(*) FROM intake.idempotency_record),
                   (SELECT count(*) FROM intake.mail_outbox), (SELECT count(*) FROM intake.issued_reference),
                   (SELECT count(*) FROM exchange.reporter_status), (SELECT count(*) FROM intake.receipt_count)""";
    private static final String[] TABLES = { "queue.message", "intake.idempotency_record", "intake.mail_outbox",
            "intake.issued_reference", "exchange.reporter_status", "intake.receipt_count" };
    private static final List<String> FORM_PAGES = List.of("/", "/form", "/status", "/answer");

    @Inject
    SpamGuard guard;

    enum Endpoint {
        CONCERN_ANONYMOUS(20), CONCERN_PARTNER(20), CHALLENGE(4), CATALOG(4), STATUS_API(9), ANSWER_API(9),
        FORM_GET(5), FORM_POST(17), STATUS_PAGE_POST(6), ANSWER_PAGE_POST(6);

        final int weight;

        Endpoint(int weight) {
            this.weight = weight;
        }
    }

    record Target(String method, String path, List<String> queryNames, boolean page) {
    }

    @Test
    void everyHostileRequestIsRefusedCleanlyAndLeavesNothingBehind() throws Exception {
        Hostile hostile = Hostile.seeded("HostileIntakeTest");
        String partnerKey = IntakeDatabase.addPartner("hostile-partner", "POLICE");
        List<String[]> reporters = new ArrayList<>(); // reference, passcode, open question id
        for (int i = 0; i < 6; i++) {
            reporters.add(reporterWithQuestion());
        }
        JsonNode anonymous = JSON.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR));
        JsonNode police = JSON.readTree(Examples.read(Examples.POLICE_PARTNER));
        List<Endpoint> weighted = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            for (int i = 0; i < e.weight; i++) {
                weighted.add(e);
            }
        }

        Tally tally = new Tally("HostileIntakeTest");
        int port = RestAssured.port;
        long started = System.currentTimeMillis();
        long[] before;
        long[] firstCounts;
        int accepted = 0;
        try (LogCapture log = LogCapture.install(); Connection db = IntakeDatabase.database().admin()) {
            firstCounts = counts(db);
            before = firstCounts;
            for (int n = 0; n < REQUESTS; n++) {
                Endpoint endpoint = hostile.oneOf(weighted);
                String[] reporter = hostile.oneOf(reporters);
                Built built = build(hostile, endpoint, reporter, partnerKey, anonymous, police);
                String asked = "#" + n + " " + endpoint + " " + built.kind() + " " + built.request().describe();
                RawHttp.Answer answer;
                long sent = System.nanoTime();
                try {
                    answer = RawHttp.send(port, built.request());
                    tally.took(endpoint.name(), (System.nanoTime() - sent) / 1_000_000);
                } catch (java.io.IOException e) {
                    tally.count(endpoint + "/" + built.kind(), 999);
                    tally.wrong(asked + ": no answer (" + e + ")");
                    continue;
                }
                tally.count(endpoint + "/" + built.kind(), answer.status());
                String what = asked + " -> " + answer.status() + " " + answer.contentType();
                check(tally, built, answer, what);
                long[] after = counts(db);
                if (answer.status() / 100 == 2) {
                    accepted++;
                } else {
                    tally.storedNothing(what, TABLES, before, after);
                }
                before = after;
            }
            long[] last = counts(db);
            System.out.printf("HostileIntakeTest: 2xx answers %d; queue messages %d -> %d%n", accepted, firstCounts[0],
                    last[0]);
            assertTrue(last[0] - firstCounts[0] <= tally.count("2xx"), "no more queued than accepted");
            List<String> leaked = log.containing(Hostile.MARKER);
            leaked.stream().limit(5).forEach(l -> System.out.println("  LEAKED " + RawHttp.abbreviate(l)));
            assertEquals(List.of(), leaked.stream().map(RawHttp::abbreviate).toList(),
                    "nothing a client sent reaches the log");
        }
        tally.print(hostile.seed(), System.currentTimeMillis() - started);
        assertTrue(tally.sent() >= 1_000);
        assertEquals(List.of(), tally.wrongs());
    }

    record Built(RawHttp.Request request, String kind, Endpoint endpoint, boolean page) {
    }

    private Built build(Hostile h, Endpoint endpoint, String[] reporter, String partnerKey, JsonNode anonymous,
            JsonNode police) {
        List<String[]> headers = new ArrayList<>();
        String method;
        String path;
        List<String> queryNames = List.of();
        boolean page = false;
        byte[] body = null;
        String contentType = null;
        Hostile.Kind kind = Hostile.Kind.VALID;
        switch (endpoint) {
        case CONCERN_ANONYMOUS, CONCERN_PARTNER -> {
            method = "POST";
            path = "/api/v1/concerns";
            Hostile.Body mutated = h.mutate(endpoint == Endpoint.CONCERN_ANONYMOUS ? anonymous : police, 12);
            body = mutated.bytes();
            kind = mutated.kind();
            contentType = "application/json";
            if (endpoint == Endpoint.CONCERN_PARTNER) {
                headers.add(new String[] { "Authorization", "Bearer " + partnerKey });
                if (h.chance(50)) {
                    headers.add(new String[] { "Idempotency-Key", "hostile-" + h.nextInt(1_000_000) });
                }
            }
        }
        case CHALLENGE -> {
            method = "GET";
            path = "/api/v1/challenge";
        }
        case CATALOG -> {
            method = "GET";
            path = "/api/v1/catalog";
            queryNames = List.of("lang");
        }
        case STATUS_API -> {
            method = "GET";
            path = "/api/v1/concerns/" + reporter[0] + "/status";
            headers.add(new String[] { "Passcode", reporter[1] });
        }
        case ANSWER_API -> {
            method = "POST";
            path = "/api/v1/concerns/" + reporter[0] + "/answers";
            headers.add(new String[] { "Passcode", reporter[1] });
            ObjectNode answer = JSON.createObjectNode().put("questionId", reporter[2]).put("answer", "Mostly mornings");
            Hostile.Body mutated = h.mutate(answer, 10);
            body = mutated.bytes();
            kind = mutated.kind();
            contentType = "application/json";
        }
        case FORM_GET -> {
            method = "GET";
            path = h.oneOf(FORM_PAGES);
            queryNames = List.of("lang");
            page = true;
        }
        case FORM_POST -> {
            method = "POST";
            path = "/form";
            page = true;
            Map<String, List<String>> form = neighbourForm();
            form.put("formToken", List.of(guard.formToken(Instant.now().minusSeconds(10))));
            FormBody mutated = mutateForm(h, form, List.of("person.appearance", "whereabouts.address",
                    "whereabouts.postcode", "observations.description", "observations.indicators", "urgency",
                    "reporter.role", "person.ageBand", "language", "whereabouts.usualTimes", "formToken"));
            body = mutated.bytes();
            kind = mutated.kind();
            contentType = "application/x-www-form-urlencoded";
        }
        case STATUS_PAGE_POST -> {
            method = "POST";
            path = "/status";
            page = true;
            Map<String, List<String>> form = new LinkedHashMap<>();
            form.put("language", List.of("en"));
            form.put("reference", List.of(reporter[0]));
            form.put("passcode", List.of(reporter[1]));
            FormBody mutated = mutateForm(h, form, List.of("reference", "passcode", "language"));
            body = mutated.bytes();
            kind = mutated.kind();
            contentType = "application/x-www-form-urlencoded";
        }
        case ANSWER_PAGE_POST -> {
            method = "POST";
            path = "/answer";
            page = true;
            Map<String, List<String>> form = new LinkedHashMap<>();
            form.put("language", List.of("da"));
            form.put("reference", List.of(reporter[0]));
            form.put("passcode", List.of(reporter[1]));
            form.put("questionId", List.of(reporter[2]));
            form.put("answer", List.of("Om morgenen"));
            form.put("status", List.of("RECEIVED"));
            form.put("questionText", List.of("Hvornår?"));
            FormBody mutated = mutateForm(h, form, List.of("reference", "passcode", "questionId", "answer", "status",
                    "questionAskedAt"));
            body = mutated.bytes();
            kind = mutated.kind();
            contentType = "application/x-www-form-urlencoded";
        }
        default -> throw new IllegalStateException();
        }

        // A second axis, on about a third of the requests: headers, content type, path or query string.
        String query = null;
        Hostile.Kind first = kind;
        if (kind == Hostile.Kind.VALID || h.chance(35)) {
            switch (h.nextInt(5)) {
            case 0, 1 -> {
                String header = h.oneOf("Accept-Language", "Authorization", "Idempotency-Key", "If-Match", "Passcode",
                        "Proof-Of-Work", "X-Forwarded-For", "Accept-Language", "Accept");
                headers.removeIf(existing -> existing[0].equals(header));
                headers.add(new String[] { header, h.headerValue(header) });
                kind = Hostile.Kind.HEADER;
            }
            case 2 -> {
                contentType = h.oneOf("text/plain", "application/json; charset=latin-7", "multipart/form-data; boundary=xx",
                        "application/json; charset=utf-16", h.headerValue("Content-Type"), "application/xml", "");
                if (contentType.startsWith("multipart") && h.chance(50)) {
                    body = ("--xx\r\nContent-Disposition: form-data; name=\"" + Hostile.MARKER + "\"\r\n\r\n\u0000garbage\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
                }
                kind = Hostile.Kind.CONTENT_TYPE;
            }
            case 3 -> {
                String[] segments = path.split("/", -1);
                int at = 1 + h.nextInt(Math.max(1, segments.length - 1));
                if (at < segments.length) {
                    segments[at] = h.segment();
                }
                path = String.join("/", segments) + h.oneOf("", "", "/", "/" + h.segment(), "//");
                kind = Hostile.Kind.PATH;
            }
            default -> {
                query = h.query(queryNames.isEmpty() ? List.of("lang", "reference") : queryNames);
                kind = Hostile.Kind.QUERY;
            }
            }
        }
        if (contentType != null && !contentType.isEmpty()) {
            headers.add(new String[] { "Content-Type", contentType });
        }
        if (h.chance(30)) {
            headers.add(new String[] { "Accept-Language", h.headerValue("Accept-Language") });
        }
        RawHttp.Request request = new RawHttp.Request(method, query == null ? path : path + "?" + query, headers, body);
        return new Built(request, first == kind || first == Hostile.Kind.VALID ? kind.name() : first + "+" + kind,
                endpoint, page);
    }

    record FormBody(Hostile.Kind kind, byte[] bytes) {
    }

    /** A form post, mutated: a hostile value, a repeated field, broken percent-encoding, cut short, not UTF-8. */
    private static FormBody mutateForm(Hostile h, Map<String, List<String>> form, List<String> fields) {
        int pick = h.nextInt(10);
        Hostile.Kind kind;
        if (pick == 0) {
            return new FormBody(Hostile.Kind.VALID, encode(form).getBytes(StandardCharsets.US_ASCII));
        } else if (pick <= 4) {
            form.put(h.oneOf(fields), List.of(h.string()));
            kind = Hostile.Kind.HOSTILE_STRING;
        } else if (pick == 5) {
            String field = h.oneOf(fields);
            form.put(field, List.of("A", Hostile.MARKER, "\u0000", "B"));
            kind = Hostile.Kind.DUPLICATE_KEY;
        } else if (pick == 6) {
            form.remove(h.oneOf(fields));
            kind = Hostile.Kind.MISSING_FIELD;
        } else {
            String encoded = encode(form);
            byte[] bytes = switch (pick) {
            case 7 -> encoded.substring(0, h.nextInt(Math.max(1, encoded.length()))).getBytes(StandardCharsets.US_ASCII);
            case 8 -> {
                int at = h.nextInt(Math.max(1, encoded.length()));
                yield (encoded.substring(0, at) + h.oneOf("%", "%z", "%zz", "%F", "%FF%FE", "%C3%28", "%ED%A0%80",
                        "%00", "&&&=", "=", "%C0%80", "+%2B%") + Hostile.MARKER + encoded.substring(at))
                        .getBytes(StandardCharsets.US_ASCII);
            }
            default -> {
                int at = h.nextInt(Math.max(1, encoded.length()));
                byte[] head = encoded.substring(0, at).getBytes(StandardCharsets.US_ASCII);
                byte[] tail = encoded.substring(at).getBytes(StandardCharsets.US_ASCII);
                byte[] raw = { (byte) 0xFF, (byte) 0xC3, 0x28, (byte) 0xE6, 0 };
                byte[] all = new byte[head.length + raw.length + tail.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(raw, 0, all, head.length, raw.length);
                System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
                yield all;
            }
            };
            return new FormBody(pick == 7 ? Hostile.Kind.TRUNCATED : pick == 8 ? Hostile.Kind.GARBAGE_BYTES
                    : Hostile.Kind.NOT_UTF8, bytes);
        }
        return new FormBody(kind, encode(form).getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(Map<String, List<String>> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, values) -> values.forEach(value -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    /** The fields of a complete, valid anonymous neighbour's concern, as the form posts them. */
    private static Map<String, List<String>> neighbourForm() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("language", List.of("da"));
        form.put("person.ageBand", List.of("50_66"));
        form.put("person.gender", List.of("MALE"));
        form.put("person.appearance", List.of("Høj, gråt skæg"));
        form.put("person.knowsAboutReport", List.of("NO"));
        form.put("whereabouts.address", List.of("Vestergade 12"));
        form.put("whereabouts.postcode", List.of("5000"));
        form.put("whereabouts.usualTimes", List.of("Om morgenen"));
        form.put("whereabouts.regularity", List.of("DAILY"));
        form.put("observations.indicators", List.of("SOCIAL_ISOLATION", "NEGLECTED_HOME"));
        form.put("observations.description", List.of("Ikke set i to uger."));
        form.put("urgency", List.of("SOON"));
        form.put("reporter.role", List.of("NEIGHBOUR"));
        form.put("reporter.anonymity", List.of("ANONYMOUS"));
        form.put("website", List.of(""));
        return form;
    }

    private static void check(Tally tally, Built built, RawHttp.Answer answer, String what) {
        int status = answer.status();
        if (status >= 500) {
            tally.wrong(what + ": " + RawHttp.abbreviate(answer.text()));
            return;
        }
        if (status < 400) {
            return;
        }
        if (answer.body().length == 0 && Hostile.mayBeRefusedByServer(built.request())
                && (status == 400 || status == 414 || status == 431 || status == 413)) {
            tally.refusedByServer();
            return;
        }
        String type = answer.contentType();
        boolean problem = type.startsWith("application/problem+json");
        boolean html = type.startsWith("text/html");
        boolean framework = status == 404 || status == 405 || status == 406 || status == 413 || status == 415;
        if (built.page() ? !(html || problem && framework) : !problem) {
            tally.wrong(what + ": a " + status + " as " + type + " " + RawHttp.abbreviate(answer.text()));
        }
    }

    /** An anonymous neighbour who asked for status updates, with an open question from the team. */
    private static String[] reporterWithQuestion() {
        String body = Examples.read(Examples.ANONYMOUS_NEIGHBOUR).replace("\"wantsStatusUpdates\": false",
                "\"wantsStatusUpdates\": true");
        Response receipt = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/concerns")
                .then().statusCode(202).extract().response();
        String reference = receipt.path("reference");
        UUID question = UUID.randomUUID();
        IntakeDatabase.asStaff("INSERT INTO exchange.reporter_question (id, reference, question, asked_at) VALUES ('"
                + question + "', '" + reference + "', 'Hvornår er han der?', now())");
        return new String[] { reference, receipt.path("passcode"), question.toString() };
    }

    private static long[] counts(Connection db) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(COUNTS)) {
            row.next();
            long[] counts = new long[TABLES.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = row.getLong(i + 1);
            }
            return counts;
        }
    }
}
