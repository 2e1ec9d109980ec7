package dk.skp.staff.rest;

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
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the committed {@code openapi/staff-api.json} × every kind of caller, checked against the one table
 * below ({@link #TABLE}). An operation in the document without a row, or a row without an operation, fails the test.
 * <p>
 * What a cell means:
 * <ul>
 * <li><b>denied</b>: exactly 401 for the six kinds of token that are not valid (none, expired, wrong issuer, wrong
 * audience, {@code alg: none}, HS256 signed with the public key); for a valid token, exactly 403 - except another
 * contact person on a concern that a contact person holds, who gets 404, as if the concern did not exist.</li>
 * <li><b>allowed</b>: the request got past authentication and authorization. For a read: 200 with real fixtures. For a
 * change: any answer below 500 that is not 401, 403, or (on a concern, which exists) 404. Changes are sent with a stale
 * If-Match, a body that fails validation, or the id of something that does not exist, so that no cell changes anything
 * and every cell works on the same fixtures: 412, 422, 404 (on a partner key or dead message that does not exist) show
 * the caller was let through to the rules behind the door. The response contract (SpecContract) checks every answer
 * against the document as well.</li>
 * </ul>
 * The invalid tokens carry every role and the holder's subject, so that one accepted by mistake is let through
 * everywhere and shows.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class AuthorizationMatrixTest {

    enum Caller {
        NO_TOKEN, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, ALG_NONE, HS256_WITH_PUBLIC_KEY,
        NO_ROLES, COORDINATOR, HOLDER, OTHER_CONTACT_PERSON, ADMIN;

        boolean validToken() {
            return ordinal() >= NO_ROLES.ordinal();
        }
    }

    private static final Set<Caller> C = EnumSet.of(Caller.COORDINATOR);
    private static final Set<Caller> A = EnumSet.of(Caller.ADMIN);
    private static final Set<Caller> C_H = EnumSet.of(Caller.COORDINATOR, Caller.HOLDER);
    private static final Set<Caller> C_CP = EnumSet.of(Caller.COORDINATOR, Caller.HOLDER, Caller.OTHER_CONTACT_PERSON);
    private static final Set<Caller> C_A = EnumSet.of(Caller.COORDINATOR, Caller.ADMIN);
    private static final Set<Caller> H = EnumSet.of(Caller.HOLDER);
    private static final Set<Caller> ANY_SIGNED_IN = EnumSet.range(Caller.NO_ROLES, Caller.ADMIN);

    private static final String STALE = "\"999999999\"";
    private static final String ATTEMPT = """
            {"attemptedAt": "2026-11-02T09:00:00Z", "channel": "PHONE", "outcome": "NO_ANSWER"}""";
    private static final String TRIAGE = """
            {"outcome": "ACCEPTED", "priority": "HIGH", "targetGroups": ["HOMELESSNESS"], "district": "Vollsmose",
             "reason": "Sleeps rough"}""";

    /**
     * The table: who may call what. Paths name their fixtures: {concern} is held by the holder, {contactPerson} and
     * {partner} exist, {nobody} does not exist. A contact person may claim a triaged concern nobody holds; this one is
     * held, so only its holder gets past the door (to the stale If-Match), and anyone else is told it does not exist.
     */
    private static final List<Row> TABLE = List.of(
            row("GET", "/api/v1/admin/contact-persons", A),
            row("POST", "/api/v1/admin/contact-persons", A, "{}"),
            row("GET", "/api/v1/admin/contact-persons/{contactPerson}", A),
            row("PUT", "/api/v1/admin/contact-persons/{contactPerson}", A, "{}"),
            row("DELETE", "/api/v1/admin/contact-persons/{nobody}", A),
            row("GET", "/api/v1/admin/dead-messages", A),
            row("DELETE", "/api/v1/admin/dead-messages/{nobody}", A),
            row("POST", "/api/v1/admin/dead-messages/{nobody}/replay", A),
            row("GET", "/api/v1/admin/partners", A),
            row("POST", "/api/v1/admin/partners", A, "{}"),
            row("DELETE", "/api/v1/admin/partners/{nobody}", A),
            row("POST", "/api/v1/admin/partners/{nobody}/keys", A),
            row("DELETE", "/api/v1/admin/partners/{partner}/keys/{prefix}", A),
            row("GET", "/api/v1/audit", A),
            row("GET", "/api/v1/concerns", C_CP),
            row("POST", "/api/v1/concerns", C_CP, "{}"),
            row("GET", "/api/v1/concerns/claimable", C_CP),
            row("GET", "/api/v1/concerns/inbox", C),
            row("GET", "/api/v1/concerns/overdue", C_CP),
            row("POST", "/api/v1/concerns/search", C_CP, "{}"),
            row("GET", "/api/v1/concerns/{concern}", C_H),
            row("PUT", "/api/v1/concerns/{concern}/assignment", C, "{}"),
            row("DELETE", "/api/v1/concerns/{concern}/assignment", C),
            row("GET", "/api/v1/concerns/{concern}/assignment-suggestions", C),
            row("POST", "/api/v1/concerns/{concern}/attempts", C_H, ATTEMPT),
            row("GET", "/api/v1/concerns/{concern}/briefing", C_H),
            row("PUT", "/api/v1/concerns/{concern}/briefing/team", C, "{\"team\": \"PAIR\"}"),
            row("POST", "/api/v1/concerns/{concern}/claim", H),
            row("POST", "/api/v1/concerns/{concern}/close", C, "{\"reason\": \"DECEASED\"}"),
            row("GET", "/api/v1/concerns/{concern}/linked", C_H),
            row("POST", "/api/v1/concerns/{concern}/links", C, "{}"),
            row("DELETE", "/api/v1/concerns/{concern}/links", C),
            row("POST", "/api/v1/concerns/{concern}/questions", C, "{}"),
            row("POST", "/api/v1/concerns/{concern}/reopen", C),
            row("GET", "/api/v1/concerns/{concern}/same-person-candidates", C),
            row("POST", "/api/v1/concerns/{concern}/triage", C, TRIAGE),
            row("GET", "/api/v1/me", ANY_SIGNED_IN),
            row("GET", "/api/v1/municipality", ANY_SIGNED_IN),
            row("GET", "/api/v1/statistics?from=2026-01-01&to=2026-01-31", C_A));

    record Row(String method, String template, Set<Caller> allowed, String body) {

        /** The path as the document names it: every fixture placeholder but {prefix} is {id} there. */
        String specPath() {
            return template.replaceAll("\\?.*", "").replaceAll("\\{(concern|contactPerson|partner|nobody)}", "{id}");
        }

        String key() {
            return method + " " + specPath();
        }

        /** On a concern that exists, 404 is the answer of refusal, not of absence. */
        boolean onConcern() {
            return template.contains("{concern}");
        }
    }

    private static Row row(String method, String template, Set<Caller> allowed) {
        return new Row(method, template, allowed, null);
    }

    private static Row row(String method, String template, Set<Caller> allowed, String body) {
        return new Row(method, template, allowed, body);
    }

    @Inject
    ConcernSubmittedConsumer consumer;

    @Test
    void everyOperationTimesEveryCallerIsAnsweredAsTheTableSays() throws Exception {
        assertEquals(operationsInTheDocument(), new TreeSet<>(TABLE.stream().map(Row::key).toList()),
                "every operation of openapi/staff-api.json needs exactly one row in the table (and no row may name one that is gone)");

        String holderRecord = contactPerson("cp-holder", "Hanne Holder", "[\"Vollsmose\"]", 10, null);
        contactPerson("cp-other", "Ole Other", "[\"Vollsmose\"]", 10, null);
        String concern = receive(consumer);
        triage(concern, "Vollsmose");
        assign(concern, holderRecord);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"id\": \"matrix-partner\", \"name\": \"Matrix Partner\", \"defaultRole\": \"POLICE\"}")
                .when().post("/api/v1/admin/partners").then().statusCode(201);
        Map<String, String> fixtures = Map.of("{concern}", concern, "{contactPerson}", holderRecord,
                "{partner}", "matrix-partner", "{nobody}", UUID.randomUUID().toString(), "{prefix}", "nokey");
        Map<Caller, String> tokens = tokens();
        // The control: the claims the forged tokens carry, properly signed, are let in everywhere - so their 401s
        // come from the signature alone.
        given().auth().oauth2(Tokens.claims("admin", "cp-holder")
                .claim("roles", Set.of("coordinator", "contact-person", "admin")).sign(privateKey()))
                .when().get("/api/v1/audit").then().statusCode(200);

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : TABLE) {
            String path = row.template();
            for (Map.Entry<String, String> f : fixtures.entrySet()) {
                path = path.replace(f.getKey(), f.getValue());
            }
            for (Caller caller : Caller.values()) {
                RequestSpecification request = given().header("Accept-Language", "en");
                if (tokens.get(caller) != null) {
                    request = request.header("Authorization", "Bearer " + tokens.get(caller));
                }
                if (!row.method().equals("GET")) {
                    request = request.header("If-Match", STALE);
                }
                if (row.body() != null) {
                    request = request.contentType(ContentType.JSON).body(row.body());
                }
                int status = request.when().request(row.method(), path).then().extract().statusCode();
                cells++;
                String expected = expectation(row, caller);
                if (!meets(expected, row, status)) {
                    wrong.add(row.key() + " as " + caller + ": " + status + ", expected " + expected);
                }
            }
        }
        System.out.printf("Authorization matrix: %d operations x %d callers = %d cells, %d wrong%n", TABLE.size(),
                Caller.values().length, cells, wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(TABLE.size() * Caller.values().length, cells);
    }

    private static String expectation(Row row, Caller caller) {
        if (!caller.validToken()) {
            return "401";
        }
        if (row.allowed().contains(caller)) {
            return "allowed";
        }
        if (caller == Caller.OTHER_CONTACT_PERSON && row.allowed().contains(Caller.HOLDER)) {
            return "404";
        }
        return "403";
    }

    private static boolean meets(String expected, Row row, int status) {
        return switch (expected) {
        case "allowed" -> row.method().equals("GET") ? status == 200
                : status < 500 && status != 401 && status != 403 && !(status == 404 && row.onConcern());
        default -> status == Integer.parseInt(expected);
        };
    }

    private static Set<String> operationsInTheDocument() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Files.readString(Path.of("../openapi/staff-api.json"))).get("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static Map<Caller, String> tokens() throws Exception {
        Map<Caller, String> tokens = new LinkedHashMap<>();
        tokens.put(Caller.NO_TOKEN, null);
        tokens.put(Caller.EXPIRED, Tokens.expired("coordinator"));
        tokens.put(Caller.WRONG_ISSUER, Tokens.fromIssuer("https://evil.example/realms/skp", "coordinator"));
        tokens.put(Caller.WRONG_AUDIENCE, Tokens.forAudience("another-service", "coordinator"));
        String claims = everyRoleClaims();
        tokens.put(Caller.ALG_NONE, b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".");
        tokens.put(Caller.HS256_WITH_PUBLIC_KEY, hs256WithThePublicKey(claims));
        tokens.put(Caller.NO_ROLES, Tokens.claims("coordinator", "no-roles").claim("roles", Set.of())
                .sign(privateKey()));
        tokens.put(Caller.COORDINATOR, COORDINATOR);
        tokens.put(Caller.HOLDER, Tokens.of("contact-person", "cp-holder"));
        tokens.put(Caller.OTHER_CONTACT_PERSON, Tokens.of("contact-person", "cp-other"));
        tokens.put(Caller.ADMIN, ADMIN);
        return tokens;
    }

    /** Claims that would pass every check but the signature: the right issuer, audience and lifetime, every role. */
    private static String everyRoleClaims() {
        long now = Instant.now().getEpochSecond();
        return """
                {"iss":"skp-local","aud":"skp-staff","sub":"cp-holder","preferred_username":"cp-holder",
                 "roles":["coordinator","contact-person","admin"],"iat":%d,"exp":%d}""".formatted(now, now + 600)
                .replace("\n", "");
    }

    /** The key-confusion attack: the service's public key, which anyone may know, used as an HMAC secret. */
    private static String hs256WithThePublicKey(String claims) throws Exception {
        byte[] publicKey;
        try (InputStream pem = AuthorizationMatrixTest.class.getResourceAsStream("/test-keys/public.pem")) {
            publicKey = pem.readAllBytes();
        }
        String signed = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static java.security.PrivateKey privateKey() throws Exception {
        return io.smallrye.jwt.util.KeyUtils.readPrivateKey("test-keys/private.pem");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
