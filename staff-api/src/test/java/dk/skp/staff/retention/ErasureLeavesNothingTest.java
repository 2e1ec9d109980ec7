package dk.skp.staff.retention;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.etag;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.referenceOf;
import static dk.skp.staff.ConcernSteps.reporterAskedForUpdates;
import static dk.skp.staff.ConcernSteps.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Observations;
import dk.skp.model.concern.Person;
import dk.skp.model.concern.Reporter;
import dk.skp.model.concern.Whereabouts;
import dk.skp.model.db.DatabaseSettings;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.message.ReporterAnswered;
import dk.skp.model.queue.PgQueue;
import dk.skp.model.queue.QueueSettings;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Gender;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.model.vocabulary.KnowsAboutReport;
import dk.skp.model.vocabulary.Regularity;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.GreenMailServer;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.mail.MailSender;
import dk.skp.staff.overdue.OverdueDigest;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import dk.skp.staff.queue.ReporterAnsweredConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Erasure leaves nothing personal behind. {@code erasure/columns.txt} holds one decision for every column of every
 * table in every schema SKP owns (staff, queue, exchange, audit, and intake's, migrated here by intake's own
 * migrations): SURVIVES, and why, or ERASED. The first test holds that list to the migrated database, so a new column
 * cannot arrive without a decision. The second fills every free-text field of a few concerns with one marker, through
 * the real paths (the queue as intake fills it, the staff API, the reporter's answer as intake sends it, the mail
 * outbox parking mails in an SMTP outage), erases them with the real retention, and then looks for the marker in every
 * column of every table, and for a value in every ERASED column of every row about those concerns.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GreenMailServer.class, restrictToAnnotatedClass = true)
class ErasureLeavesNothingTest {

    private static final String INVENTORY = "/erasure/columns.txt";
    /** Intake's migrations, read from its module: staff's erasure must account for intake's tables too. */
    private static final Path INTAKE_MIGRATIONS = Path.of("../intake-api/src/main/resources/db/migration");
    private static final String DISTRICT = "Erasure-Nord";
    private static final String CONTACT_PERSON = Tokens.of("contact-person", "cp-erasure");
    private static final Instant ENDED = Instant.parse("2021-03-01T10:00:00Z");

    /**
     * How to find the rows about one concern in each table that can hold any ({@code :id} and {@code :reference} are
     * the concern's); every other table is in {@link #ABOUT_NO_CONCERN}. A new table needs a place in one of them.
     */
    private static final Map<String, String> ROWS_OF_A_CONCERN = Map.ofEntries(
            Map.entry("staff.concern", "id = :id"),
            Map.entry("staff.contact_attempt", "concern_id = :id"),
            Map.entry("staff.concern_question", "concern_id = :id"),
            Map.entry("staff.entry_idempotency", "concern_id = :id"),
            Map.entry("staff.mail_outbox", "reference = :reference OR strpos(body, :reference) > 0"),
            Map.entry("exchange.reporter_status", "reference = :reference"),
            Map.entry("exchange.reporter_question", "reference = :reference"),
            Map.entry("queue.message", "strpos(payload::text, :reference) > 0"),
            Map.entry("audit.audit_event", "concern_id = :id"),
            Map.entry("intake.issued_reference", "reference = :reference"),
            Map.entry("intake.idempotency_record", "strpos(response::text, :reference) > 0"),
            Map.entry("intake.mail_outbox", "reference = :reference"));

    private static final Set<String> ABOUT_NO_CONCERN = Set.of("staff.contact_person", "staff.overdue_digest",
            "staff.scheduled_run", "staff.concern_tally", "staff.concern_tally_month",
            "staff.flyway_schema_history", "exchange.partner", "exchange.partner_key", "intake.spent_proof",
            "intake.rate_limit", "intake.receipt_count", "intake.flyway_schema_history");

    @Inject
    ConcernSubmittedConsumer consumer;

    @Inject
    ReporterAnsweredConsumer answers;

    @Inject
    ConcernRetention retention;

    @Inject
    MailSender sender;

    @Inject
    OverdueDigest digest;

    /** One decision from the inventory. */
    record Decision(boolean survives, String reason) {
    }

    /** Intake's tables, made as intake makes them: its migrations, run as its role, in its schema. */
    @BeforeAll
    static void migrateIntakeSchema() {
        assertTrue(Files.isDirectory(INTAKE_MIGRATIONS), "intake's migrations at " + INTAKE_MIGRATIONS.toAbsolutePath());
        DatabaseSettings s = StaffDatabase.database().settings();
        Flyway.configure()
                .dataSource(s.jdbcUrl(), s.intakeUser(), s.intakePassword())
                .schemas("intake").defaultSchema("intake").createSchemas(false)
                .locations("filesystem:" + INTAKE_MIGRATIONS.toAbsolutePath())
                .load().migrate();
    }

    // --- (a) every column has a decision --------------------------------------------------------------------------

    @Test
    void everyColumnOfEveryTableHasADecisionAndEveryDecisionAColumn() {
        Map<String, Decision> inventory = inventory();
        Map<String, String> columns = columnsInDatabase();
        Set<String> undecided = new TreeSet<>(columns.keySet());
        undecided.removeAll(inventory.keySet());
        Set<String> gone = new TreeSet<>(inventory.keySet());
        gone.removeAll(columns.keySet());
        StringBuilder problems = new StringBuilder();
        if (!undecided.isEmpty()) {
            problems.append("Columns without a decision in ").append(INVENTORY)
                    .append(" (say SURVIVES and why, or make erasure erase them and say ERASED):\n");
            undecided.forEach(c -> problems.append("  ").append(c).append("  (").append(columns.get(c)).append(")\n"));
        }
        if (!gone.isEmpty()) {
            problems.append("Decisions in ").append(INVENTORY).append(" for columns that no longer exist:\n");
            gone.forEach(c -> problems.append("  ").append(c).append('\n'));
        }
        Set<String> tables = new TreeSet<>();
        columns.keySet().forEach(c -> tables.add(c.substring(0, c.lastIndexOf('.'))));
        for (String table : tables) {
            if (ROWS_OF_A_CONCERN.containsKey(table) == ABOUT_NO_CONCERN.contains(table)) {
                problems.append("Table ").append(table).append(" must be in exactly one of ROWS_OF_A_CONCERN (how to find "
                        + "a concern's rows in it) and ABOUT_NO_CONCERN\n");
            }
        }
        for (String table : ROWS_OF_A_CONCERN.keySet()) {
            if (!tables.contains(table)) {
                problems.append("ROWS_OF_A_CONCERN names a table that does not exist: ").append(table).append('\n');
            }
        }
        for (String table : ABOUT_NO_CONCERN) {
            if (!tables.contains(table)) {
                problems.append("ABOUT_NO_CONCERN names a table that does not exist: ").append(table).append('\n');
            }
            inventory.forEach((column, decision) -> {
                if (column.startsWith(table + ".") && !decision.survives()) {
                    problems.append(column).append(" is ERASED, but its table is about no concern\n");
                }
            });
        }
        if (problems.length() > 0) {
            fail(problems.toString());
        }
        long survives = inventory.values().stream().filter(Decision::survives).count();
        System.out.printf("erasure inventory: %d columns in %d tables, %d survive, %d erased%n", inventory.size(),
                tables.size(), survives, inventory.size() - survives);
    }

    // --- (b) a concern with every free-text field filled leaves nothing ---------------------------------------------

    @Test
    void anErasedConcernLeavesItsMarkerNowhereAndValuesOnlyInColumnsThatSurvive() throws Exception {
        String marker = "zq" + String.format("%09d", new SecureRandom().nextInt(1_000_000_000));
        String cp = contactPerson("cp-erasure", "Erna Eriksen", "[\"" + DISTRICT + "\"]", 50, null);

        // A: taken on, worked, asked and answered, handed over.
        String a = receive(consumer, message(marker, "a"));
        String refA = referenceOf(a);
        reporterAskedForUpdates(refA);
        triage(a, """
                {"outcome": "ACCEPTED", "priority": "HIGH", "targetGroups": ["HOMELESSNESS"], "district": "%s",
                 "reason": "Known to the shelter %s triage"}""".formatted(DISTRICT, marker));
        assign(a, cp);
        change(CONTACT_PERSON, "POST", "/api/v1/concerns/" + a + "/attempts", etag(a), """
                {"attemptedAt": "%s", "channel": "STREET", "placeNote": "Under the bridge %s place",
                 "outcome": "CONTACT_ESTABLISHED", "nextStep": "Bring coffee %s next", "nextStepOn": "%s"}"""
                .formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), marker, marker,
                        LocalDate.now().plusDays(3)))
                .then().statusCode(200);
        change(COORDINATOR, "POST", "/api/v1/concerns/" + a + "/questions", etag(a),
                "{\"question\": \"Where does he sleep now? " + marker + " question\"}").then().statusCode(200);
        answerAsIntake(refA, "Behind the church " + marker + " answer");
        awaitAnswer(a);

        // B: about the same person, linked, then redirected.
        String b = receive(consumer, message(marker, "b"));
        String refB = referenceOf(b);
        change(COORDINATOR, "POST", "/api/v1/concerns/" + a + "/links", etag(a), "{\"concernId\": \"" + b + "\"}")
                .then().statusCode(200);
        // While B waits for triage, an overdue digest lists it (the digest is written some working morning ahead).
        overdueDigestListing(refB);
        triage(b, """
                {"outcome": "REDIRECTED", "redirectedTo": "Distriktspsykiatrien, Dr. %s redirected",
                 "reason": "Known there %s redirect"}""".formatted(marker, marker));

        // C: the same again, a duplicate of A.
        String c = receive(consumer, message(marker, "c"));
        String refC = referenceOf(c);
        triage(c, """
                {"outcome": "DUPLICATE", "duplicateOf": "%s", "reason": "Same as the first %s duplicate"}"""
                .formatted(a, marker));

        // D: entered by staff from a phone call, with a passcode for the caller; outside the target group.
        String d = enterByPhone(marker);
        String refD = referenceOf(d);
        triage(d, """
                {"outcome": "OUTSIDE_TARGET_GROUP", "reason": "Has a caseworker %s outside"}""".formatted(marker));

        // The mail to the reporter (to the reporter's address) waits in the outbox.
        assertTrue(StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE failed_at IS NULL "
                + "AND recipient ILIKE '%" + marker + "%'") == 1, "the question's mail to the reporter waits");

        change(COORDINATOR, "POST", "/api/v1/concerns/" + a + "/close", etag(a), """
                {"reason": "HANDED_OVER", "handedOverTo": "Bostedet Nord, Hanne %s handed", "note": "Moved in %s closing",
                 "consent": {"agreed": true, "services": ["HOUSING"], "dataSharing": true}}""".formatted(marker, marker))
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        Map<String, String> concerns = new LinkedHashMap<>();
        concerns.put(a, refA);
        concerns.put(b, refB);
        concerns.put(c, refC);
        concerns.put(d, refD);

        // The scan finds the marker where it was put, so that finding it nowhere later means something.
        Set<String> before = columnsHolding(marker);
        for (String expected : new String[] { "staff.concern.report", "staff.concern.triage_reason",
                "staff.concern.redirected_to", "staff.concern.handed_over_to", "staff.concern.closing_note",
                "staff.concern.search_name", "staff.concern.search_text", "staff.contact_attempt.place_note",
                "staff.contact_attempt.next_step", "staff.concern_question.answer", "exchange.reporter_question.question",
                "staff.mail_outbox.recipient" }) {
            assertTrue(before.contains(expected), "before erasure the marker is in " + expected + " (found in " + before + ")");
        }
        // The mails about them meet an SMTP outage and are given up: the assignment, the question to the reporter, the
        // answer's notice, the digest. A mail given up keeps no address, but its reference and body name the concern.
        parkEveryMail();
        assertEquals(4, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE failed_at IS NOT NULL"),
                "four mails given up: assignment, question, answer's notice, digest");
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE recipient ILIKE '%" + marker
                + "%'"), "no address kept in a mail given up");
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.entry_idempotency WHERE concern_id = '" + d + "'"));

        sql("UPDATE staff.concern SET ended_at = '" + ENDED + "' WHERE id IN ('" + String.join("','", concerns.keySet())
                + "')");
        assertEquals(4, retention.erase(Clock.fixed(ENDED.plus(91, ChronoUnit.DAYS), ZoneOffset.UTC)));

        List<String> leftBehind = new ArrayList<>();
        columnsHolding(marker).forEach(column -> leftBehind.add(column + " still holds the marker"));
        Map<String, Decision> inventory = inventory();
        for (Map.Entry<String, String> concern : concerns.entrySet()) {
            ROWS_OF_A_CONCERN.forEach((table, where) -> inventory.forEach((column, decision) -> {
                if (decision.survives() || !column.startsWith(table + ".")) {
                    return;
                }
                String name = column.substring(table.length() + 1);
                long holding = adminCount("SELECT count(*) FROM " + table + " WHERE (" + rowsOf(where, concern.getKey(),
                        concern.getValue()) + ") AND NOT (" + name + " IS NULL OR " + name + "::text IN ('', '{}'))");
                if (holding > 0) {
                    leftBehind.add(column + " (ERASED) still holds a value for concern " + concern.getValue());
                }
            }));
        }
        assertTrue(leftBehind.isEmpty(), "left behind after erasure:\n" + String.join("\n", leftBehind));

        // What survives is there still: the statistic, the attempt, the audit trail (codes only, as the scan showed).
        assertEquals(4, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE erased_at IS NOT NULL"));
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.contact_attempt WHERE concern_id = '" + a + "'"));
        assertEquals("HANDED_OVER|HOUSING|REDIRECTED|DUPLICATE|OUTSIDE_TARGET_GROUP", String.join("|",
                value("SELECT closing_reason || '|' || array_to_string(consent_services, ',') FROM staff.concern WHERE id = '"
                        + a + "'"),
                value("SELECT triage_outcome FROM staff.concern WHERE id = '" + b + "'"),
                value("SELECT triage_outcome FROM staff.concern WHERE id = '" + c + "'"),
                value("SELECT triage_outcome FROM staff.concern WHERE id = '" + d + "'")));
        assertEquals(4, StaffDatabase.count("SELECT count(DISTINCT concern_id) FROM staff.audit_event "
                + "WHERE action = 'PERSONAL_DATA_ERASED'"));
    }

    // --- the concern's way through the system -----------------------------------------------------------------------

    /** A report whose every free-text field carries the marker (and says which field it is). */
    private static ConcernSubmitted message(String marker, String which) {
        String m = marker + " " + which;
        ConcernReport report = new ConcernReport(
                new Reporter(ReporterRole.POLICE, Anonymity.NAMED, "Jens " + m + " referrer", "Fyns Politi " + m
                        + " organisation", "+45 11 22 33 44", marker + "." + which + "@politi.example", true),
                new Person("Kim " + m + " person", AgeBand.AGE_30_49, Gender.MALE, "Blue tent " + m + " appearance", "pl",
                        KnowsAboutReport.YES),
                new Whereabouts("Vestergade 12 " + m + " address", "5000", "The bench " + m + " place",
                        "Evenings " + m + " times", Regularity.MOST_DAYS),
                new Observations(List.of(Indicator.HOMELESS, Indicator.SUBSTANCE_USE), "Sleeps rough " + m + " description",
                        "Big dog " + m + " safety"),
                Urgency.NORMAL, false, "en");
        return ConcernSubmitted.v1(UUID.randomUUID(), ReferenceNumber.next(), Instant.now(), Channel.PARTNER_API,
                null, report);
    }

    private static void triage(String id, String json) {
        change(COORDINATOR, "POST", "/api/v1/concerns/" + id + "/triage", etag(id), json).then().statusCode(200);
    }

    /** A concern a staff member enters from a phone call, retried safely with an Idempotency-Key. */
    private static String enterByPhone(String marker) {
        String m = marker + " d";
        return given().auth().oauth2(COORDINATOR).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("""
                        {"channel": "PHONE", "issuePasscode": true, "report": {
                          "reporter": {"role": "RELATIVE", "anonymity": "CONFIDENTIAL", "name": "Sister %1$s referrer",
                                       "phone": "+45 55 66 77 88", "wantsStatusUpdates": true},
                          "person": {"name": "Brother %1$s person", "ageBand": "50_66", "knowsAboutReport": "NO",
                                     "appearance": "Grey coat %1$s appearance"},
                          "whereabouts": {"address": "Nørregade 3 %1$s address", "postcode": "5000",
                                          "placeDescription": "Stairwell %1$s place", "usualTimes": "Mornings %1$s times",
                                          "regularity": "DAILY"},
                          "observations": {"indicators": ["SOCIAL_ISOLATION"], "description": "Not seen %1$s description",
                                           "safetyNotes": "Shouts %1$s safety"},
                          "urgency": "NORMAL"}}""".formatted(m))
                .when().post("/api/v1/concerns").then().statusCode(201).extract().path("id");
    }

    /** What intake does when the reporter answers: marks the question answered and enqueues the answer, in one go. */
    private static void answerAsIntake(String reference, String answer) {
        try (Connection intake = StaffDatabase.database().asIntake()) {
            intake.setAutoCommit(false);
            UUID question;
            try (PreparedStatement select = intake.prepareStatement(
                    "SELECT id FROM exchange.reporter_question WHERE reference = ? AND answered_at IS NULL")) {
                select.setString(1, reference);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next(), "an open question");
                    question = row.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement mark = intake.prepareStatement(
                    "UPDATE exchange.reporter_question SET answered_at = now() WHERE id = ?")) {
                mark.setObject(1, question);
                assertEquals(1, mark.executeUpdate());
            }
            ReporterAnswered message = ReporterAnswered.v1(UUID.randomUUID(), reference, question, Instant.now(), answer,
                    "en");
            new PgQueue(QueueSettings.defaults()).enqueue(intake, ReporterAnswered.TOPIC, message.messageId(),
                    MessageCodec.encode(message));
            intake.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitAnswer(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (StaffDatabase.count("SELECT count(*) FROM staff.concern_question WHERE concern_id = '" + id
                + "' AND answer IS NOT NULL") == 0) {
            answers.drainNow();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the answer did not reach the concern within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** The digest of some working morning a month ahead, when the concern is past its triage deadline. */
    private void overdueDigestListing(String reference) {
        ZoneId zone = ZoneId.of("Europe/Copenhagen");
        LocalDate day = LocalDate.now(zone).plusDays(30);
        for (int i = 0; i < 14; i++, day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant morning = day.atTime(LocalTime.of(7, 0)).atZone(zone).toInstant();
            if (digest.send(Clock.fixed(morning, ZoneOffset.UTC)).outcome() == OverdueDigest.Outcome.WRITTEN) {
                assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE kind = 'OVERDUE_DIGEST' "
                        + "AND strpos(body, '" + reference + "') > 0"), "the digest lists " + reference);
                return;
            }
        }
        fail("no overdue digest was written");
    }

    /** Every waiting mail fails against an SMTP server that is away, until the sender parks it. */
    private void parkEveryMail() {
        GreenMailServer.outage();
        try {
            Instant t = Instant.now().plus(1, ChronoUnit.DAYS);
            // A round ends at its first failure, and a mail is given up after 3 (the test profile).
            for (int round = 0; round < 20; round++, t = t.plus(1, ChronoUnit.DAYS)) {
                sender.sendDue(t);
            }
        } finally {
            GreenMailServer.recover();
        }
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.mail_outbox WHERE failed_at IS NULL"),
                "every mail is parked");
    }

    // --- reading the database ---------------------------------------------------------------------------------------

    /** The inventory: schema.table.column to its decision. */
    static Map<String, Decision> inventory() {
        Map<String, Decision> decisions = new TreeMap<>();
        try (InputStream in = ErasureLeavesNothingTest.class.getResourceAsStream(INVENTORY)) {
            assertTrue(in != null, INVENTORY + " is on the test classpath");
            int number = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+", 3);
                if (parts.length < 3 || !(parts[1].equals("SURVIVES") || parts[1].equals("ERASED"))
                        || parts[0].split("\\.").length != 3) {
                    fail(INVENTORY + ":" + number + ": expected 'schema.table.column SURVIVES|ERASED why', got: " + text);
                }
                if (decisions.put(parts[0], new Decision(parts[1].equals("SURVIVES"), parts[2])) != null) {
                    fail(INVENTORY + ":" + number + ": " + parts[0] + " is decided twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decisions;
    }

    /** Every column of every table (not views) in every schema but PostgreSQL's own, with its type. */
    private static Map<String, String> columnsInDatabase() {
        Map<String, String> columns = new TreeMap<>();
        try (Connection admin = StaffDatabase.database().admin(); Statement s = admin.createStatement();
                ResultSet r = s.executeQuery("""
                        SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name, c.data_type
                          FROM information_schema.columns c
                          JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
                         WHERE t.table_type = 'BASE TABLE'
                           AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                           AND c.table_schema NOT LIKE 'pg\\_%'""")) {
            while (r.next()) {
                columns.put(r.getString(1), r.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(columns.keySet().stream().anyMatch(c -> c.startsWith("intake.")), "intake's tables are there");
        return columns;
    }

    /** Every column, of any type, in any table, whose value (as text) contains {@code marker}. */
    private static Set<String> columnsHolding(String marker) {
        Set<String> found = new TreeSet<>();
        columnsInDatabase().forEach((column, type) -> {
            int dot = column.lastIndexOf('.');
            String table = column.substring(0, dot);
            String name = column.substring(dot + 1);
            String text = type.equals("bytea") ? "encode(" + name + ", 'escape')" : name + "::text";
            try (Connection admin = StaffDatabase.database().admin(); PreparedStatement select = admin.prepareStatement(
                    "SELECT count(*) FROM " + table + " WHERE strpos(lower(" + text + "), ?) > 0")) {
                select.setString(1, marker.toLowerCase());
                try (ResultSet r = select.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        found.add(column);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(column + ": " + e.getMessage(), e);
            }
        });
        return found;
    }

    private static String rowsOf(String where, String id, String reference) {
        return where.replace(":id", "'" + UUID.fromString(id) + "'").replace(":reference", "'"
                + (ReferenceNumber.isWellFormed(reference) ? reference : "not a reference") + "'");
    }

    private static long adminCount(String query) {
        try (Connection admin = StaffDatabase.database().admin(); Statement s = admin.createStatement();
                ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    private static String value(String query) {
        try (Connection admin = StaffDatabase.database().admin(); Statement s = admin.createStatement();
                ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
