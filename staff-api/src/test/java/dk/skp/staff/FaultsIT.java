package dk.skp.staff;

import static dk.skp.staff.SystemChecks.REFERENCE;
import static dk.skp.staff.SystemChecks.recipients;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.db.TestDatabase;
import dk.skp.staff.SystemChecks.MailCount;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged services as processes under faults, as issue #10 asks: while concerns are submitted continuously,
 * intake and a staff instance are killed with SIGKILL and started again, the database crashes and comes back, and the
 * SMTP server is away for a while. Two staff instances consume side by side, and a coordinator assigns concerns
 * through either of them, so that staff writes mail too. Then, once everything has drained, it counts: every concern
 * answered 202 is registered in staff exactly once (lost 0, duplicated 0), and every receipt to a reporter, every alert
 * to the team (intake's mails) and every assignment notice (staff's) was delivered, exactly once save the one mail in
 * flight at each crash ({@link #CRASHES_A_MAIL_MAY_SURVIVE_TWICE}). It prints its counts (and writes them to
 * target/faults-logs/counts.txt).
 * <p>
 * The database is a PostgreSQL of the test's own ({@link PrivatePostgres}), so that crashing it disturbs no other
 * test; the SMTP server is GreenMail in this JVM ({@link GreenMailServer}). Retry delays, the mail claim lease and the
 * limits are shortened through the services' ordinary settings, so that the run is bounded (about two minutes).
 */
class FaultsIT {

    private static final String TEAM_INBOX = "team@example-kommune.dk";
    private static final String ANNA = "anna.holm@skp.example";
    /**
     * The senders a crash may cut between the SMTP server's "250 OK" and the commit that takes the mail out of its
     * outbox: SIGKILL of intake cuts intake's sender, SIGKILL of a staff instance its own, and PostgreSQL's crash all
     * three (intake's and both staff instances'). SMTP cannot commit together with the database, so the mail in flight
     * then is sent again. At most one per sender cut; more is a fault of the product.
     */
    private static final int CRASHES_A_MAIL_MAY_SURVIVE_TWICE = 1 + 1 + 3;
    /** How long everything may take after the submitter stops to reach staff and the mailboxes. */
    private static final Duration DRAIN = Duration.ofSeconds(90);

    private final long started = System.nanoTime();

    @Test
    void everyAcceptedConcernIsRegisteredOnceAndEveryMailDeliveredOnceThroughCrashesAndOutages() throws Exception {
        Path logs = Path.of("target", "faults-logs");
        Files.createDirectories(logs);
        try (PrivatePostgres postgres = PrivatePostgres.start(Path.of("target", "faults-postgres"))) {
            TestDatabase db = TestDatabase.create("faults", postgres.settings());
            postgres.useDurableCommits(db.settings().database());
            new GreenMailServer().start();
            String smtpPort = String.valueOf(GreenMailServer.port());
            Map<String, String> intakeEnv = Map.ofEntries(Map.entry("SKP_INTAKE_PROTECTION_API_PROOF_OF_WORK", "false"),
                    Map.entry("SKP_INTAKE_LIMITS_PUBLIC_SUBMISSIONS_PER_HOUR", "1000000"),
                    Map.entry("QUARKUS_MAILER_HOST", "127.0.0.1"), Map.entry("QUARKUS_MAILER_PORT", smtpPort),
                    Map.entry("SKP_INTAKE_MAIL_TEAM_INBOX", TEAM_INBOX),
                    Map.entry("SKP_INTAKE_MAIL_OUTBOX_SEND_INTERVAL", "1s"),
                    Map.entry("SKP_INTAKE_MAIL_OUTBOX_BATCH_SIZE", "100"),
                    Map.entry("SKP_INTAKE_MAIL_OUTBOX_FIRST_BACKOFF", "0.5S"),
                    Map.entry("SKP_INTAKE_MAIL_OUTBOX_MAX_BACKOFF", "2S"),
                    Map.entry("SKP_INTAKE_MAIL_OUTBOX_MAX_ATTEMPTS", "1000"),
                    Map.entry("SKP_INTAKE_MAIL_OUTBOX_CLAIM_LEASE", "20S"));
            Map<String, String> staffEnv = Map.of("QUARKUS_MAILER_HOST", "127.0.0.1", "QUARKUS_MAILER_PORT", smtpPort,
                    "SKP_STAFF_MAIL_COORDINATORS_INBOX", TEAM_INBOX, "SKP_STAFF_MAIL_SEND_INTERVAL", "1s",
                    "SKP_STAFF_MAIL_FIRST_BACKOFF", "0.5S", "SKP_STAFF_MAIL_MAX_BACKOFF", "2S",
                    "SKP_STAFF_MAIL_MAX_ATTEMPTS", "1000");
            try (PackagedSystem system = PackagedSystem.start("faults", db, 2, intakeEnv, staffEnv)) {
                say("started PostgreSQL (port %d), GreenMail (port %s), intake and two staff instances",
                        postgres.settings().port(), smtpPort);
                Submitter submitter = new Submitter(system.intakeUrl());
                Thread submitting = new Thread(submitter, "faults-submitter");
                Coordinator coordinator = new Coordinator(system, db);
                Thread coordinating = new Thread(coordinator, "faults-coordinator");
                long t0 = System.nanoTime();
                submitting.start();
                coordinating.start();

                at(t0, 8, "SIGKILL intake");
                system.intake().kill();
                system.intake().start();
                say("intake is back");

                at(t0, 18, "SMTP server away");
                GreenMailServer.outage();

                at(t0, 22, "SIGKILL staff (instance 1 of 2)");
                system.staff(0).kill();
                system.staff(0).start();
                say("staff instance 1 is back");

                at(t0, 34, "SMTP server back");
                GreenMailServer.recover();

                at(t0, 40, "PostgreSQL crashes (immediate shutdown)");
                postgres.crash();
                Thread.sleep(2_000);
                postgres.startAgain();
                say("PostgreSQL is back");

                at(t0, 55, "submitter and coordinator stop");
                submitter.stop();
                coordinator.stop();
                submitting.join();
                coordinating.join();
                say("submitted %d, answered 202: %d, refused or unanswered: %s; assignments answered 200: %d, failed: %d",
                        submitter.submitted.get(), submitter.accepted.size(), new TreeMap<>(submitter.failures),
                        coordinator.assigned.get(), coordinator.failed.get());

                String drained = awaitDrained(db);
                String counts = count(db, submitter, system, drained);
                Files.writeString(logs.resolve("counts.txt"), counts);
            } finally {
                new GreenMailServer().stop();
            }
        }
    }

    /** Posts concerns to intake's public API one after another, each from a reporter of its own who wants a receipt. */
    private static final class Submitter implements Runnable {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final String url;
        private volatile boolean running = true;
        final AtomicInteger submitted = new AtomicInteger();
        /** Reference answered with 202, to the reporter address it was submitted with. */
        final Map<String, String> accepted = new ConcurrentHashMap<>();
        /** Status code, or the exception's name when no answer came, to how often. */
        final Map<String, Integer> failures = new ConcurrentHashMap<>();

        Submitter(String intakeUrl) {
            this.url = intakeUrl + "/api/v1/concerns";
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                int n = submitted.incrementAndGet();
                String address = "reporter-" + n + "@example.org";
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString(SystemChecks.publicConcern(address, n % 3 == 0))).build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        Matcher reference = REFERENCE.matcher(response.body());
                        assertTrue(reference.find(), response.body());
                        accepted.put(reference.group(), address);
                    } else {
                        failures.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
                    }
                } catch (IOException e) {
                    failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause(80);
            }
        }
    }

    /**
     * A coordinator at work on whichever staff instance is up: triages the oldest registered concerns one by one and
     * assigns each to Anna, whom staff then tells by mail (staff's own outbox, sent by both instances). A failed call
     * is simply tried again later: what counts is what the database holds in the end.
     */
    private static final class Coordinator implements Runnable {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final PackagedSystem system;
        private final TestDatabase db;
        private volatile String token;
        private final String anna;
        private volatile boolean running = true;
        final AtomicInteger assigned = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Coordinator(PackagedSystem system, TestDatabase db) throws Exception {
            this.system = system;
            this.db = db;
            this.token = system.keycloak().token("kim");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                    URI.create(system.staffUrl() + "/api/v1/admin/contact-persons"))
                    .header("Authorization", "Bearer " + system.keycloak().token("ada"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"subject": "%s", "name": "Anna Holm", "email": "%s", "districts": ["Odense C"],
                             "capacity": 200}""".formatted(KeycloakServer.ANNA_ID, ANNA))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
            assertTrue(id.find(), created.body());
            this.anna = id.group(1);
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            for (int round = 0; running; round++) {
                int port = system.staff(round % 2).port();
                try {
                    String[] next = nextConcern();
                    if (next != null) {
                        String version = etag(http.send(request(port, next[0], "").GET().build(),
                                HttpResponse.BodyHandlers.ofString()));
                        if (next[1].equals("RECEIVED")) {
                            version = etag(http.send(request(port, next[0], "/triage").header("If-Match", version)
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                                            {"outcome": "ACCEPTED", "priority": "HIGH", "targetGroups": ["HOMELESSNESS"],
                                             "district": "Odense C", "reason": "Known to the night shelter"}""")).build(),
                                    HttpResponse.BodyHandlers.ofString()));
                        }
                        etag(http.send(request(port, next[0], "/assignment").header("If-Match", version)
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"contactPersonId\": \"" + anna + "\"}"))
                                .build(), HttpResponse.BodyHandlers.ofString()));
                        assigned.incrementAndGet();
                    }
                } catch (IOException | SQLException | RuntimeException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause(300);
            }
        }

        /** The oldest concern not yet assigned: id and status. */
        private String[] nextConcern() throws SQLException {
            try (Connection admin = db.admin(); Statement sql = admin.createStatement(); ResultSet row = sql.executeQuery("""
                    SELECT id, status FROM staff.concern WHERE status IN ('RECEIVED', 'TRIAGED')
                     ORDER BY registered_at LIMIT 1""")) {
                return row.next() ? new String[] { row.getString(1), row.getString(2) } : null;
            }
        }

        private HttpRequest.Builder request(int port, String id, String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/concerns/" + id + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
        }

        private String etag(HttpResponse<String> response) {
            if (response.statusCode() == 401) {
                token = system.keycloak().token("kim"); // expired on a slow run; the next round uses the new one
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.headers().firstValue("ETag").orElseThrow();
        }
    }

    /**
     * Until every message is taken off the queue and every mail is out of both outboxes, within {@link #DRAIN}; says
     * what was left when not.
     */
    private String awaitDrained(TestDatabase db) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            try {
                state = String.format("queue %d, intake outbox %d, staff outbox %d",
                        SystemChecks.count(db, "SELECT count(*) FROM queue.message WHERE dead_at IS NULL"),
                        SystemChecks.count(db, "SELECT count(*) FROM intake.mail_outbox WHERE failed_at IS NULL"),
                        SystemChecks.count(db, "SELECT count(*) FROM staff.mail_outbox WHERE failed_at IS NULL"));
                if (state.equals("queue 0, intake outbox 0, staff outbox 0")) {
                    say("drained");
                    return null;
                }
            } catch (SQLException e) {
                state = e.getMessage();
            }
            Thread.sleep(250);
        }
        return "not drained within " + DRAIN.toSeconds() + " s: " + state;
    }

    private String count(TestDatabase db, Submitter submitter, PackagedSystem system, String notDrained)
            throws Exception {
        Map<String, Integer> registered = new HashMap<>();
        Set<String> urgent;
        Set<String> assignedToAnna = new java.util.HashSet<>();
        try (Connection admin = db.admin(); Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("SELECT reference FROM staff.concern WHERE assigned_to IS NOT NULL")) {
            while (rows.next()) {
                assignedToAnna.add(rows.getString(1));
            }
        }
        try (Connection admin = db.admin(); Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("SELECT reference, count(*) FROM staff.concern GROUP BY reference")) {
            while (rows.next()) {
                registered.put(rows.getString(1), rows.getInt(2));
            }
        }
        try (Connection admin = db.admin(); Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("SELECT reference FROM staff.concern WHERE urgency = 'URGENT'")) {
            urgent = new java.util.HashSet<>();
            while (rows.next()) {
                urgent.add(rows.getString(1));
            }
        }
        long dead = SystemChecks.count(db, "SELECT count(*) FROM queue.message WHERE dead_at IS NOT NULL");
        long givenUp = SystemChecks.count(db, "SELECT count(*) FROM intake.mail_outbox WHERE failed_at IS NOT NULL")
                + SystemChecks.count(db, "SELECT count(*) FROM staff.mail_outbox WHERE failed_at IS NOT NULL");

        List<String> lost = submitter.accepted.keySet().stream().filter(r -> !registered.containsKey(r)).sorted().toList();
        List<String> duplicated = registered.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        long withoutAnswer = registered.keySet().stream().filter(r -> !submitter.accepted.containsKey(r)).count();

        // Mails by kind and reference: the subject names the reference, the recipient tells the kind.
        Map<String, Integer> receipts = new HashMap<>();
        Map<String, Integer> alerts = new HashMap<>();
        Map<String, Integer> assignmentNotices = new HashMap<>();
        List<String> strays = new ArrayList<>();
        for (MimeMessage mail : GreenMailServer.received()) {
            String subject = mail.getSubject();
            Matcher reference = REFERENCE.matcher(subject);
            String to = recipients(mail);
            if (!reference.find()) {
                strays.add(subject + " to " + to);
            } else if (to.equals(ANNA)) {
                assignmentNotices.merge(reference.group(), 1, Integer::sum);
            } else if (to.equals(TEAM_INBOX)) {
                alerts.merge(reference.group(), 1, Integer::sum);
            } else if (to.startsWith("reporter-")) {
                String expected = submitter.accepted.get(reference.group());
                if (expected != null && !expected.equals(to)) {
                    strays.add("receipt for " + reference.group() + " to " + to + " instead of " + expected);
                }
                receipts.merge(reference.group(), 1, Integer::sum);
            } else {
                strays.add(subject + " to " + to);
            }
        }
        MailCount receiptCount = MailCount.of(registered.keySet(), receipts);
        MailCount alertCount = MailCount.of(urgent, alerts);
        MailCount assignmentCount = MailCount.of(assignedToAnna, assignmentNotices);

        String figures = String.format("""
                submitted %d; answered 202: %d; refused or unanswered during faults: %d %s
                registered in staff: %d (of them %d without a 202 the client saw: committed, but the answer was cut off)
                lost (202 but not registered): %d %s; registered more than once: %d %s; dead messages: %d
                registrations logged per staff instance: %s
                (a mail in flight when a sender crashes may go out twice: at most %d of all mails together)
                receipts expected %d, delivered %d, missing %d, duplicated %d
                team alerts (intake) expected %d, delivered %d, missing %d, duplicated %d
                assignment notices (staff) expected %d, delivered %d, missing %d, duplicated %d
                mails given up or parked: %d; mails matching no concern: %d %s
                %s
                """, submitter.submitted.get(), submitter.accepted.size(),
                submitter.failures.values().stream().mapToInt(Integer::intValue).sum(), new TreeMap<>(submitter.failures),
                registered.size(), withoutAnswer, lost.size(), lost, duplicated.size(), duplicated, dead,
                registrationsLogged(system), CRASHES_A_MAIL_MAY_SURVIVE_TWICE, receiptCount.expected(), receiptCount.delivered(), receiptCount.missing().size(),
                receiptCount.duplicated().size(), alertCount.expected(), alertCount.delivered(), alertCount.missing().size(),
                alertCount.duplicated().size(), assignmentCount.expected(), assignmentCount.delivered(),
                assignmentCount.missing().size(), assignmentCount.duplicated().size(), givenUp, strays.size(), strays,
                notDrained == null ? "drained: queue and outboxes empty" : notDrained);
        say("counts after %d s:%n%s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), figures);

        assertTrue(submitter.accepted.size() >= 50, "too few concerns accepted to prove anything: " + figures);
        assertTrue(submitter.failures.size() > 0, "no submission failed: were the faults injected at all?\n" + figures);
        assertEquals(List.of(), lost, "concerns answered 202 but never registered\n" + figures);
        assertEquals(null, notDrained, figures);
        assertEquals(List.of(), duplicated, "concerns registered more than once\n" + figures);
        assertEquals(0, dead, figures);
        assertEquals(List.of(), receiptCount.missing(), "receipts never delivered\n" + figures);
        assertEquals(List.of(), alertCount.missing(), "team alerts never delivered\n" + figures);
        assertTrue(assignmentCount.expected() > 0, "no concern was assigned: staff sent no mail\n" + figures);
        assertEquals(List.of(), assignmentCount.missing(), "assignment notices never delivered\n" + figures);
        List<String> twice = new ArrayList<>(receiptCount.duplicated());
        twice.addAll(alertCount.duplicated());
        twice.addAll(assignmentCount.duplicated());
        assertTrue(twice.size() <= CRASHES_A_MAIL_MAY_SURVIVE_TWICE, "mails delivered more than once, more than the "
                + "one in flight at each crash: " + twice + "\n" + figures);
        assertEquals(0, givenUp, figures);
        assertEquals(List.of(), strays, figures);
        return figures;
    }

    /** "registered concern" lines in each staff instance's log (one per committed registration). */
    private static String registrationsLogged(PackagedSystem system) throws IOException {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PackagedSystem.Service staff = system.staff(i);
            try (var lines = Files.lines(staff.log())) {
                counts.add(staff.name() + " " + lines.filter(l -> l.contains("registered concern")).count());
            }
        }
        return String.join(", ", counts);
    }

    /** Waits until {@code seconds} after {@code t0} (at once if that is past), then says what happens. */
    private void at(long t0, int seconds, String what) throws InterruptedException {
        long wait = t0 + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        say("t+%ds: %s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), what);
    }

    private void say(String format, Object... args) {
        System.out.printf("[faults %3ds] %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                String.format(format, args));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
