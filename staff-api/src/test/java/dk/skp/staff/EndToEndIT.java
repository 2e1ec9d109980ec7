package dk.skp.staff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.skp.model.db.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged services as separate processes, as they run in production: intake and staff, each with its own
 * database role, sharing only the PostgreSQL queue, staff signing in through a real Keycloak. Proves that a concern
 * submitted at intake becomes visible in staff to a coordinator with a token the provider issued, and measures how
 * long that takes.
 */
class EndToEndIT {

    private static PackagedSystem system;
    private static TestDatabase db;
    private static Path LOGS;
    private static int intakePort;
    private static int staffPort;

    private static GreenMail mail;

    @BeforeAll
    static void startBothServices() throws Exception {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        // Every request here comes from 127.0.0.1, far more than one real client would send; and the proof of work is
        // made easy, so that the latencies measured are the system's, not the solver's.
        system = PackagedSystem.start("e2e", Map.of("SKP_INTAKE_LIMITS_PUBLIC_SUBMISSIONS_PER_HOUR", "100000",
                "SKP_INTAKE_PROTECTION_MAX_NUMBER", "50000"),
                Map.of("QUARKUS_MAILER_HOST", "127.0.0.1", "QUARKUS_MAILER_PORT", String.valueOf(mail.getSmtp().getPort()),
                        "SKP_STAFF_MAIL_COORDINATORS_INBOX", COORDINATORS, "SKP_STAFF_MAIL_SEND_INTERVAL", "1s"));
        db = system.database();
        LOGS = system.logs();
        intakePort = system.intakePort;
        staffPort = system.staffPort;
    }

    @AfterAll
    static void stopBothServices() throws Exception {
        if (system != null) {
            system.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    private static final String COORDINATORS = "koordinatorer@example-kommune.dk";

    /**
     * The whole round trip, each service as deployed: a coordinator asks an anonymous reporter, the reporter sees the
     * question on intake's status page with their passcode and answers it, the answer crosses the queue, and the
     * coordinator reads it on the concern; the team's mail names the reference only.
     */
    @Test
    void aQuestionToAnAnonymousReporterIsAnsweredThroughTheStatusPage() throws Exception {
        String body = read("/examples/concern-anonymous-neighbour.json").replace("\"wantsStatusUpdates\": false",
                "\"wantsStatusUpdates\": true");
        Response receipt = given().port(intakePort).contentType(ContentType.JSON).body(body)
                .header("Proof-Of-Work", solvedChallenge()).when().post("/api/v1/concerns");
        assertEquals(202, receipt.statusCode(), receipt.asString());
        String reference = receipt.path("reference");
        String passcode = receipt.path("passcode");

        String kim = system.keycloak().token("kim");
        String id = awaitConcern(kim, reference);
        String etag = given().port(staffPort).auth().oauth2(kim).when().get("/api/v1/concerns/" + id).header("ETag");
        given().port(staffPort).auth().oauth2(kim).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"question\": \"Does he have a dog?\"}").when().post("/api/v1/concerns/" + id + "/questions")
                .then().statusCode(200).body("reporterQuestions.items[0].toldBy[0]", org.hamcrest.Matchers.equalTo("STATUS_PAGE"));

        Response status = given().port(intakePort).header("Passcode", passcode)
                .when().get("/api/v1/concerns/" + reference + "/status");
        assertEquals("Does he have a dog?", status.path("question.text"), status.asString());
        String questionId = status.path("question.id");
        given().port(intakePort).header("Passcode", passcode).contentType(ContentType.JSON)
                .body("{\"questionId\": \"" + questionId + "\", \"answer\": \"Yes, a small brown one.\"}")
                .when().post("/api/v1/concerns/" + reference + "/answers").then().statusCode(202);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String answer = given().port(staffPort).auth().oauth2(kim).when().get("/api/v1/concerns/" + id)
                    .then().statusCode(200).extract().path("reporterQuestions.items[0].answer");
            if (answer != null) {
                assertEquals("Yes, a small brown one.", answer);
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the answer did not reach staff within 10 s");
            Thread.sleep(20);
        }
        assertTrue(mail.waitForIncomingEmail(15_000, 1), "the team is told by mail");
        jakarta.mail.internet.MimeMessage told = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(reference);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertEquals(COORDINATORS, told.getAllRecipients()[0].toString());
        String text = (String) told.getContent();
        assertTrue(text.contains("/concerns/" + id) && !text.contains("brown"), "a link, and the answer stays in the client: " + text);
    }

    private static String awaitConcern(String token, String reference) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<String> ids = given().port(staffPort).auth().oauth2(token).queryParam("reference", reference)
                    .when().get("/api/v1/concerns").jsonPath().getList("items.id");
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            assertTrue(System.nanoTime() < deadline, reference + " did not reach staff within 10 s");
            Thread.sleep(20);
        }
    }

    @Test
    void aConcernSubmittedAtIntakeBecomesVisibleInStaff() throws Exception {
        String body = read("/examples/concern-anonymous-neighbour.json");
        String token = system.keycloak().token("kim");
        List<Long> latenciesMicros = new ArrayList<>();
        int rounds = 30;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            // As deployed, a public client first solves a proof-of-work challenge (the web form's script does this).
            String reference = given().port(intakePort).contentType(ContentType.JSON).body(body)
                    .header("Proof-Of-Work", solvedChallenge())
                    .when().post("/api/v1/concerns")
                    .then().statusCode(202).extract().path("reference");
            long deadline = start + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                Response page = given().port(staffPort).auth().oauth2(token).queryParam("reference", reference)
                        .when().get("/api/v1/concerns");
                assertEquals(200, page.statusCode());
                if (page.jsonPath().getList("items").size() == 1) {
                    assertEquals("RECEIVED", page.jsonPath().getString("items[0].status"));
                    break;
                }
                assertTrue(System.nanoTime() < deadline, reference + " did not reach staff within 10 s");
                Thread.sleep(2);
            }
            latenciesMicros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(latenciesMicros);
        long median = latenciesMicros.get(rounds / 2);
        long p95 = latenciesMicros.get((int) Math.ceil(rounds * 0.95) - 1);
        long max = latenciesMicros.get(rounds - 1);
        String figures = String.format("submit-to-visible over %d concerns, seen by an HTTP client polling staff: "
                + "median %.1f ms, p95 %.1f ms, max %.1f ms; %s", rounds, median / 1000.0, p95 / 1000.0, max / 1000.0,
                queueLatency());
        System.out.println("[e2e] " + figures);
        Files.writeString(LOGS.resolve("latency.txt"), figures + System.lineSeparator());
        assertTrue(median < 1_000_000, "median submit-to-visible should be well under a second: " + figures);

        // The intake service has nothing that reads a concern back.
        given().port(intakePort).when().get("/api/v1/concerns").then().statusCode(405);
    }

    /** Solves intake's challenge the way the ALTCHA widget does: the number n with SHA-256(salt + n) = challenge. */
    private static String solvedChallenge() throws Exception {
        Response challenge = given().port(intakePort).when().get("/api/v1/challenge");
        String salt = challenge.path("salt");
        String target = challenge.path("challenge");
        long max = ((Number) challenge.path("maxnumber")).longValue();
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        for (long n = 0; n <= max; n++) {
            String hash = java.util.HexFormat.of().formatHex(sha256.digest((salt + n).getBytes(StandardCharsets.UTF_8)));
            if (hash.equals(target)) {
                String payload = String.format("{\"algorithm\":\"SHA-256\",\"challenge\":\"%s\",\"number\":%d,\"salt\":\"%s\","
                        + "\"signature\":\"%s\"}", target, n, salt, (String) challenge.path("signature"));
                return java.util.Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("challenge has no solution up to " + max);
    }

    /** Intake's receivedAt to staff's registeredAt: the queue's own share, without HTTP client overhead. */
    private static String queueLatency() throws Exception {
        try (var admin = db.admin(); var sql = admin.createStatement(); var row = sql.executeQuery("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms), max(ms)
                  FROM (SELECT extract(epoch FROM registered_at - received_at) * 1000 AS ms FROM staff.concern) l""")) {
            row.next();
            return String.format("received-at to registered-at in staff: median %.1f ms, p95 %.1f ms, max %.1f ms",
                    row.getDouble(1), row.getDouble(2), row.getDouble(3));
        }
    }

    @Test
    void aPartnerKeyIssuedInStaffIsAcceptedByIntakeUntilItIsRevoked() throws Exception {
        String admin = system.keycloak().token("ada");
        given().port(staffPort).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"id\": \"fyns-politi\", \"name\": \"Fyns Politi\", \"defaultRole\": \"POLICE\"}")
                .when().post("/api/v1/admin/partners").then().statusCode(201);
        Response issued = given().port(staffPort).auth().oauth2(admin).when().post("/api/v1/admin/partners/fyns-politi/keys");
        assertEquals(201, issued.statusCode());
        String key = issued.path("key");

        String body = read("/examples/concern-police-partner.json");
        Response accepted = given().port(intakePort).auth().oauth2(key).contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-1").body(body).when().post("/api/v1/concerns");
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String reference = accepted.path("reference");
        String passcode = accepted.path("passcode");

        Response replay = given().port(intakePort).auth().oauth2(key).contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-1").body(body).when().post("/api/v1/concerns");
        assertEquals(reference, replay.path("reference"));
        assertEquals("true", replay.header("Idempotent-Replayed"));

        String token = system.keycloak().token("kim");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (given().port(staffPort).auth().oauth2(token).queryParam("reference", reference)
                .when().get("/api/v1/concerns").jsonPath().getList("items").isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the partner's concern did not reach staff");
            Thread.sleep(20);
        }
        given().port(staffPort).auth().oauth2(token).queryParam("reference", reference).when().get("/api/v1/concerns")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].channel", org.hamcrest.Matchers.equalTo("PARTNER_API"));

        given().port(intakePort).header("Passcode", passcode).when().get("/api/v1/concerns/" + reference + "/status")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("RECEIVED"));

        String prefix = issued.path("prefix");
        given().port(staffPort).auth().oauth2(admin).when().delete("/api/v1/admin/partners/fyns-politi/keys/" + prefix)
                .then().statusCode(204);
        given().port(intakePort).auth().oauth2(key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/concerns").then().statusCode(401);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = EndToEndIT.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
