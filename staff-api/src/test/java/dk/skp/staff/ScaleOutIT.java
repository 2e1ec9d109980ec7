package dk.skp.staff;

import static dk.skp.staff.SystemChecks.REFERENCE;
import static dk.skp.staff.SystemChecks.count;
import static dk.skp.staff.SystemChecks.recipients;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.db.TestDatabase;
import dk.skp.staff.SystemChecks.MailCount;
import dk.skp.staff.core.WorkingDays;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two intake and two staff instances (packaged, as processes) on one database behave as one system, as issue #11 asks:
 * <ul>
 * <li>concerns submitted to both intakes, half each, are each registered in staff exactly once, and each receipt and
 * team alert (intake's outbox, sent by both intakes) and each staff mail (staff's outbox, sent by both staff
 * instances) goes out exactly once;</li>
 * <li>the rate limit is one budget: status look-ups alternating between the intakes are refused after the limit, not
 * after twice the limit;</li>
 * <li>staff's cron jobs fire on both instances at the same moment (every ten seconds here), and one of them does the work
 * of each firing: 150 concerns whose work ended years ago are erased by one run (one log line, one audit row per
 * concern), old audit rows are purged by one run (one AUDIT_PURGED row with the whole count), and the overdue digest
 * goes out once (on a working day in Copenhagen; on other days none goes out at all).</li>
 * </ul>
 * The services' own PostgreSQL is the build's shared server (nothing here crashes it); GreenMail runs in this JVM.
 */
class ScaleOutIT {

    private static final String TEAM_INBOX = "team@example-kommune.dk";
    private static final String COORDINATORS_INBOX = "koordinatorer@example-kommune.dk";
    private static final int STATUS_LOOKUPS_PER_HOUR = 10;
    private static final int CONCERNS_PER_INTAKE = 100;
    private static final int ENDED_LONG_AGO = 150;
    private static final int OLD_AUDIT_ROWS = 12_000;
    private static final int STAFF_OUTBOX_MAILS = 100;
    private static final Duration WAIT = Duration.ofSeconds(90);
    /**
     * Often enough for a short test, seldom enough that one run ends before the next firing even on a loaded machine:
     * two firings whose runs overlap are two runs (each instance takes one), and the test would count them as such.
     */
    private static final String EVERY_TEN_SECONDS = "*/10 * * * * ?";

    private final long started = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void twoIntakesAndTwoStaffInstancesBehaveAsOneSystem() throws Exception {
        new GreenMailServer().start();
        String smtpPort = String.valueOf(GreenMailServer.port());
        Map<String, String> intakeEnv = Map.of("SKP_INTAKE_PROTECTION_API_PROOF_OF_WORK", "false",
                "SKP_INTAKE_LIMITS_PUBLIC_SUBMISSIONS_PER_HOUR", "1000000",
                "SKP_INTAKE_LIMITS_STATUS_LOOKUPS_PER_HOUR", String.valueOf(STATUS_LOOKUPS_PER_HOUR),
                "QUARKUS_MAILER_HOST", "127.0.0.1", "QUARKUS_MAILER_PORT", smtpPort,
                "SKP_INTAKE_MAIL_TEAM_INBOX", TEAM_INBOX, "SKP_INTAKE_MAIL_OUTBOX_SEND_INTERVAL", "1s",
                "SKP_INTAKE_MAIL_OUTBOX_BATCH_SIZE", "20");
        Map<String, String> staffEnv = Map.of("QUARKUS_MAILER_HOST", "127.0.0.1", "QUARKUS_MAILER_PORT", smtpPort,
                "SKP_STAFF_MAIL_COORDINATORS_INBOX", COORDINATORS_INBOX, "SKP_STAFF_MAIL_SEND_INTERVAL", "1s",
                "SKP_STAFF_MAIL_BATCH_SIZE", "20",
                "SKP_STAFF_RETENTION_ERASE_CRON", EVERY_TEN_SECONDS, "SKP_STAFF_AUDIT_PURGE_CRON", EVERY_TEN_SECONDS,
                "SKP_STAFF_MAIL_OVERDUE_DIGEST_CRON", EVERY_TEN_SECONDS);
        try (PackagedSystem system = PackagedSystem.start("scaleout", null, 2, 2, intakeEnv, staffEnv)) {
            TestDatabase db = system.database();
            say("started two intake and two staff instances (intake ports %d, %d; staff ports %d, %d)",
                    system.intake(0).port(), system.intake(1).port(), system.staff(0).port(), system.staff(1).port());

            // Work for the jobs and the senders, written as the database's superuser.
            sql(db, """
                    INSERT INTO audit.audit_event (occurred_at, actor, actor_roles, action)
                    SELECT now() - interval '3 years' - g * interval '1 second', 'test:old', '', 'READ'
                      FROM generate_series(1, %d) g""".formatted(OLD_AUDIT_ROWS));
            sql(db, """
                    INSERT INTO staff.mail_outbox (id, kind, recipient, subject, body, created_at, available_at)
                    SELECT gen_random_uuid(), 'ASSIGNMENT', 'outbox-' || g || '@example.org', 'Outbox test ' || g,
                           'A mail of the test', now(), now()
                      FROM generate_series(1, %d) g""".formatted(STAFF_OUTBOX_MAILS));

            List<Integer> lookups = statusLookupsAlternating(system);
            Map<String, String> accepted = submitToBoth(system);
            String drained = awaitDrained(db, accepted.size());
            String registration = registration(db, system, accepted, drained);
            String mails = mails(accepted);

            List<String> erasedRefs = accepted.keySet().stream().sorted().limit(ENDED_LONG_AGO).toList();
            String erasure = erasure(db, system, erasedRefs);
            String digest = digest(db);
            String purge = purge(db);
            String firings = firings(system);

            String figures = String.join("\n", "status look-ups alternating between the intakes (limit "
                    + STATUS_LOOKUPS_PER_HOUR + "/h): " + lookups, registration, mails, erasure, digest, purge, firings);
            say("counts after %d s:%n%s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), figures);
            Files.writeString(system.logs().resolve("counts.txt"), figures);

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < lookups.size(); i++) {
                expected.add(i < STATUS_LOOKUPS_PER_HOUR ? "answered" : "429");
            }
            assertEquals(expected, lookups.stream().map(code -> code == 429 ? "429" : "answered").toList(),
                    "the rate limit is one budget for both intakes\n" + figures);
        } finally {
            new GreenMailServer().stop();
        }
    }

    /** Status look-ups of an unknown reference, alternating between the intakes: the answers' status codes. */
    private List<Integer> statusLookupsAlternating(PackagedSystem system) throws Exception {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < STATUS_LOOKUPS_PER_HOUR + 6; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    url(system.intake(i % 2)) + "/api/v1/concerns/SKP-0000-0000/status"))
                    .header("Passcode", "not-the-passcode").header("Accept-Language", "en").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            codes.add(response.statusCode());
        }
        return codes;
    }

    /** Submits {@link #CONCERNS_PER_INTAKE} concerns to each intake at once; the references answered 202. */
    private Map<String, String> submitToBoth(PackagedSystem system) throws Exception {
        Map<String, String> accepted = new ConcurrentHashMap<>();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<Thread> submitters = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int instance = i;
            String url = url(system.intake(i)) + "/api/v1/concerns";
            Thread submitter = new Thread(() -> {
                for (int n = 1; n <= CONCERNS_PER_INTAKE; n++) {
                    String address = "reporter-" + instance + "-" + n + "@example.org";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("Accept-Language", "en")
                            .POST(HttpRequest.BodyPublishers.ofString(SystemChecks.publicConcern(address, n % 3 == 0)))
                            .build();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        Matcher reference = REFERENCE.matcher(response.body());
                        if (response.statusCode() == 202 && reference.find()) {
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
                }
            }, "scaleout-submitter-" + i);
            submitters.add(submitter);
            submitter.start();
        }
        for (Thread submitter : submitters) {
            submitter.join();
        }
        say("submitted %d concerns to each intake: %d answered 202, failures %s", CONCERNS_PER_INTAKE, accepted.size(),
                new TreeMap<>(failures));
        assertEquals(Map.of(), failures, "every submission is accepted");
        return accepted;
    }

    /** Until staff has registered {@code accepted} concerns and the queue and both outboxes are empty. */
    private String awaitDrained(TestDatabase db, int accepted) throws InterruptedException {
        String[] state = { "" };
        boolean drained = await(() -> {
            try {
                long registered = count(db, "SELECT count(*) FROM staff.concern");
                state[0] = String.format("registered %d of %d, queue %d, intake outbox %d, staff outbox %d",
                        registered, accepted, count(db, "SELECT count(*) FROM queue.message"),
                        count(db, "SELECT count(*) FROM intake.mail_outbox"),
                        count(db, "SELECT count(*) FROM staff.mail_outbox"));
                return registered >= accepted && state[0].endsWith("queue 0, intake outbox 0, staff outbox 0");
            } catch (SQLException e) {
                state[0] = e.getMessage();
                return false;
            }
        });
        say("%s: %s", drained ? "drained" : "not drained", state[0]);
        return drained ? null : "not drained within " + WAIT.toSeconds() + " s: " + state[0];
    }

    /** Every accepted concern registered once, whichever intake took it and whichever staff instance consumed it. */
    private String registration(TestDatabase db, PackagedSystem system, Map<String, String> accepted, String notDrained)
            throws Exception {
        Map<String, Integer> registered = new HashMap<>();
        try (Connection admin = db.admin(); Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("SELECT reference, count(*) FROM staff.concern GROUP BY reference")) {
            while (rows.next()) {
                registered.put(rows.getString(1), rows.getInt(2));
            }
        }
        long messages = count(db, "SELECT count(DISTINCT message_id) FROM staff.concern");
        List<String> lost = accepted.keySet().stream().filter(r -> !registered.containsKey(r)).sorted().toList();
        List<String> twice = registered.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        List<String> unknown = registered.keySet().stream().filter(r -> !accepted.containsKey(r)).sorted().toList();
        String figures = String.format("accepted %d (%d by each intake); registered %d, of distinct queue messages %d; "
                + "lost %d, registered more than once %d, unknown %d; registrations logged per staff instance: %s",
                accepted.size(), CONCERNS_PER_INTAKE, registered.size(), messages, lost.size(), twice.size(),
                unknown.size(), logged(system, "registered concern"));
        assertEquals(null, notDrained, figures);
        assertEquals(List.of(), lost, "accepted but not registered\n" + figures);
        assertEquals(List.of(), twice, "registered more than once\n" + figures);
        assertEquals(List.of(), unknown, figures);
        assertEquals(accepted.size(), messages, figures);
        assertEquals(0, count(db, "SELECT count(*) FROM queue.message WHERE dead_at IS NOT NULL"), figures);
        return figures;
    }

    /** Receipts and team alerts (intake's senders) and the test's staff mails (staff's senders), each once. */
    private String mails(Map<String, String> accepted) throws Exception {
        Map<String, Integer> receipts = new HashMap<>();
        Map<String, Integer> alerts = new HashMap<>();
        Map<String, Integer> staffMails = new HashMap<>();
        for (MimeMessage mail : GreenMailServer.received()) {
            String subject = mail.getSubject();
            String to = recipients(mail);
            Matcher reference = REFERENCE.matcher(subject);
            if (subject.startsWith("Outbox test ")) {
                staffMails.merge(subject, 1, Integer::sum);
            } else if (reference.find() && to.equals(TEAM_INBOX)) {
                alerts.merge(reference.group(), 1, Integer::sum);
            } else if (reference.find(0) && to.equals(accepted.get(reference.group()))) {
                receipts.merge(reference.group(), 1, Integer::sum);
            }
        }
        Set<String> urgent = accepted.entrySet().stream()
                .filter(e -> Integer.parseInt(e.getValue().replaceAll(".*-(\\d+)@.*", "$1")) % 3 == 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<String> outboxSubjects = new java.util.HashSet<>();
        for (int i = 1; i <= STAFF_OUTBOX_MAILS; i++) {
            outboxSubjects.add("Outbox test " + i);
        }
        MailCount receiptCount = MailCount.of(accepted.keySet(), receipts);
        MailCount alertCount = MailCount.of(urgent, alerts);
        MailCount staffCount = MailCount.of(outboxSubjects, staffMails);
        String figures = String.format("receipts expected %d, delivered %d, missing %s, duplicated %s; "
                + "team alerts expected %d, delivered %d, missing %s, duplicated %s; "
                + "staff outbox mails expected %d, delivered %d, missing %s, duplicated %s",
                receiptCount.expected(), receiptCount.delivered(), receiptCount.missing(), receiptCount.duplicated(),
                alertCount.expected(), alertCount.delivered(), alertCount.missing(), alertCount.duplicated(),
                staffCount.expected(), staffCount.delivered(), staffCount.missing(), staffCount.duplicated());
        for (MailCount count : List.of(receiptCount, alertCount, staffCount)) {
            assertEquals(List.of(), count.missing(), figures);
            assertEquals(List.of(), count.duplicated(), figures);
        }
        return figures;
    }

    /**
     * Ends {@code references}' work long ago in one transaction; then the next firing of the retention job, on both
     * instances at once, erases them: one run (one log line for all of them) and one audit row per concern.
     */
    private String erasure(TestDatabase db, PackagedSystem system, List<String> references) throws Exception {
        String list = references.stream().map(r -> "'" + r + "'").collect(Collectors.joining(","));
        sql(db, """
                UPDATE staff.concern SET status = 'CLOSED', closing_reason = 'HANDED_OVER',
                       closed_at = now() - interval '3 years', ended_at = now() - interval '3 years'
                 WHERE reference IN (%s)""".formatted(list));
        String erased = "SELECT count(*) FROM staff.concern WHERE erased_at IS NOT NULL";
        assertTrue(await(() -> countOrZero(db, erased) == references.size()),
                "not erased within " + WAIT.toSeconds() + " s: " + countOrZero(db, erased));
        Thread.sleep(11_000); // one more firing, which finds nothing left to do
        Map<Long, Long> auditRowsPerConcern = new TreeMap<>();
        try (Connection admin = db.admin(); Statement sql = admin.createStatement(); ResultSet rows = sql.executeQuery("""
                SELECT n, count(*) FROM (SELECT count(*) AS n FROM audit.audit_event
                                          WHERE action = 'PERSONAL_DATA_ERASED' GROUP BY concern_id) c GROUP BY n""")) {
            while (rows.next()) {
                auditRowsPerConcern.put(rows.getLong(1), rows.getLong(2));
            }
        }
        List<String> runs = logLines(system, "erased the personal data of");
        String figures = String.format("retention: %d concerns ended long ago, erased %d; concerns by their number of "
                + "erasure audit rows %s; runs that erased (log lines): %s", references.size(), countOrZero(db, erased),
                auditRowsPerConcern, runs);
        assertEquals(Map.of(1L, (long) references.size()), auditRowsPerConcern, figures);
        assertEquals(1, runs.size(), "one run of one instance erased them all\n" + figures);
        assertTrue(runs.get(0).contains("erased the personal data of " + references.size() + " concerns"), figures);
        return figures;
    }

    /** The concerns still waiting for triage become overdue; the digest (every ten seconds here) goes out once a day. */
    private String digest(TestDatabase db) throws Exception {
        sql(db, "UPDATE staff.concern SET triage_due_at = now() - interval '1 day' WHERE status = 'RECEIVED'");
        long overdue = count(db, "SELECT count(*) FROM staff.concern WHERE status = 'RECEIVED'");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        boolean workingDay = new WorkingDays(WorkingDays.DEFAULT_EXTRA_CLOSING_DAYS).isWorkingDay(today);
        String digests = "SELECT count(*) FROM staff.overdue_digest";
        if (workingDay) {
            assertTrue(await(() -> digestMails() >= 1 && countOrZero(db, "SELECT count(*) FROM staff.mail_outbox") == 0),
                    "no overdue digest within " + WAIT.toSeconds() + " s");
        }
        Thread.sleep(11_000);
        String figures = String.format("overdue digest on %s (%s): %d overdue, digests written %d, mailed %d", today,
                workingDay ? "a working day: one digest" : "not a working day: no digest", overdue, count(db, digests),
                digestMails());
        assertTrue(overdue > 0, figures);
        assertEquals(workingDay ? 1 : 0, count(db, digests), figures);
        assertEquals(workingDay ? 1 : 0, digestMails(), figures);
        return figures;
    }

    /** The old audit rows went in one run: one AUDIT_PURGED row that counts all of them. */
    private String purge(TestDatabase db) throws Exception {
        assertTrue(await(() -> countOrZero(db, "SELECT count(*) FROM audit.audit_event WHERE actor = 'test:old'") == 0),
                "old audit rows not purged within " + WAIT.toSeconds() + " s");
        List<String> purges = new ArrayList<>();
        try (Connection admin = db.admin(); Statement sql = admin.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT details->>'deleted' FROM audit.audit_event WHERE action = 'AUDIT_PURGED' ORDER BY id")) {
            while (rows.next()) {
                purges.add(rows.getString(1));
            }
        }
        String figures = String.format("audit purge: %d old rows, AUDIT_PURGED rows with their counts %s",
                OLD_AUDIT_ROWS, purges);
        assertEquals(List.of(String.valueOf(OLD_AUDIT_ROWS)), purges, figures);
        return figures;
    }

    /** Both staff instances fired each job (and left the firings to the other instance at times). */
    private String firings(PackagedSystem system) throws IOException {
        List<String> figures = new ArrayList<>();
        for (String job : List.of("concern-retention", "audit-retention", "overdue-digest")) {
            for (int i = 0; i < 2; i++) {
                PackagedSystem.Service staff = system.staff(i);
                long here;
                long elsewhere;
                try (var lines = Files.lines(staff.log())) {
                    List<String> fired = lines.filter(l -> l.contains(job + " fired at")).toList();
                    here = fired.stream().filter(l -> l.contains("running it here")).count();
                    elsewhere = fired.stream().filter(l -> l.contains("another instance runs it")).count();
                }
                figures.add(String.format("%s on %s: ran %d firings, left %d to the other", job, staff.name(), here,
                        elsewhere));
                assertTrue(here + elsewhere > 0, job + " never fired on " + staff.name());
            }
        }
        return String.join("; ", figures);
    }

    private static long digestMails() {
        long n = 0;
        for (MimeMessage mail : GreenMailServer.received()) {
            try {
                if (recipients(mail).equals(COORDINATORS_INBOX)) {
                    n++;
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    private static String logged(PackagedSystem system, String text) throws IOException {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PackagedSystem.Service staff = system.staff(i);
            try (var lines = Files.lines(staff.log())) {
                counts.add(staff.name() + " " + lines.filter(l -> l.contains(text)).count());
            }
        }
        return String.join(", ", counts);
    }

    private static List<String> logLines(PackagedSystem system, String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PackagedSystem.Service staff = system.staff(i);
            try (var lines = Files.lines(staff.log())) {
                lines.filter(l -> l.contains(text)).forEach(l -> found.add(staff.name() + ": "
                        + l.substring(l.indexOf(text))));
            }
        }
        return found;
    }

    private static void sql(TestDatabase db, String statement) throws SQLException {
        try (Connection admin = db.admin(); Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long countOrZero(TestDatabase db, String query) {
        try {
            return count(db, query);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static String url(PackagedSystem.Service service) {
        return "http://127.0.0.1:" + service.port();
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    private void say(String format, Object... args) {
        System.out.printf("[scaleout %3ds] %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                String.format(format, args));
    }
}
