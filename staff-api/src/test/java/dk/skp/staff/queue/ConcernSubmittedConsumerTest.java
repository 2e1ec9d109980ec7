package dk.skp.staff.queue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.message.ConcernSubmitted;
import dk.skp.staff.Messages;
import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import dk.skp.staff.entry.ConcernIntakeService;
import io.quarkus.narayana.jta.QuarkusTransaction;

@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ConcernSubmittedConsumerTest {
    /** On the management interface, not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;


    @Inject
    ConcernSubmittedConsumer consumer;

    @Test
    void theListenerRegistersANewConcernAsReceivedWithoutBeingAsked() throws Exception {
        ConcernSubmitted message = Messages.fixture();
        StaffDatabase.enqueueAsIntake(message);
        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '"
                + message.messageId() + "'") == 1);

        given().auth().oauth2(Tokens.coordinator())
                .queryParam("reference", message.reference())
                .when().get("/api/v1/concerns")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].status", equalTo("RECEIVED"))
                .body("items[0].channel", equalTo("PARTNER_API"));
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + message.messageId() + "'"),
                "the message was removed in the transaction that registered the concern");
    }

    @Test
    void theSameMessageDeliveredTwiceRegistersOneConcern() throws Exception {
        ConcernSubmitted message = Messages.fresh(Instant.now());
        StaffDatabase.enqueueAsIntake(message);
        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + message.messageId() + "'") == 0);
        StaffDatabase.enqueueAsIntake(message); // e.g. replayed by an admin after the first one went through
        consumer.drainNow();
        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + message.messageId() + "'") == 0);
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '" + message.messageId() + "'"));
    }

    @Inject
    ConcernIntakeService intake;

    @Test
    void registeredIsLoggedOnceTheTransactionCommittedAndNotForOneRolledBack() {
        ConcernSubmitted rolledBack = Messages.fresh(Instant.now());
        ConcernSubmitted committed = Messages.fresh(Instant.now());
        dk.skp.staff.LogCapture capture = dk.skp.staff.LogCapture.of("dk.skp");
        List<String> log = capture.lines();
        try {
            // (a transaction marked rollback-only is rolled back where it would commit, and says so)
            org.junit.jupiter.api.Assertions.assertThrows(io.quarkus.narayana.jta.QuarkusTransactionException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        intake.registerAll(List.of(rolledBack));
                        assertTrue(log.stream().noneMatch(l -> l.contains(rolledBack.reference())), "logged before the commit: " + log);
                        QuarkusTransaction.setRollbackOnly();
                    }));
            QuarkusTransaction.requiringNew().run(() -> intake.registerAll(List.of(committed)));
        } finally {
            capture.stop();
        }
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '" + rolledBack.messageId() + "'"));
        assertTrue(log.stream().noneMatch(l -> l.contains(rolledBack.reference())), "a rolled-back registration was logged: " + log);
        assertEquals(1, log.stream().filter(l -> l.contains("registered concern " + committed.reference())).count(), "" + log);
    }

    @Test
    void aBatchWithOneBadMessageRegistersTheOthersExactlyOnceAndParksOnlyTheBadOne() throws Exception {
        List<ConcernSubmitted> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            good.add(Messages.fresh(Instant.now()));
        }
        ConcernSubmitted fixture = Messages.fresh(Instant.now());
        ConcernSubmitted bad = ConcernSubmitted.v1(fixture.messageId(), fixture.reference(), fixture.receivedAt(),
                dk.skp.model.vocabulary.Channel.IN_PERSON, null, fixture.concern());
        List<ConcernSubmitted> batch = new ArrayList<>(good);
        batch.add(2, bad);
        StaffDatabase.enqueueAllAsIntake(batch); // one transaction: the listener claims them as one batch

        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '"
                + bad.messageId() + "' AND dead_at IS NOT NULL AND attempts = 3") == 1);
        for (ConcernSubmitted message : good) {
            dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '"
                    + message.messageId() + "'") == 0);
            assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '"
                    + message.messageId() + "' AND reference = '" + message.reference() + "'"),
                    "registered exactly once although its first batch failed");
        }
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '" + bad.messageId() + "'"));
        // Out of the way of the dead-message count another test reads.
        dk.skp.staff.ConcernSteps.sql("DELETE FROM queue.message WHERE id = '" + bad.messageId() + "'");
    }

    @Test
    void aBatchMixingRepeatsAndNewMessagesRegistersEachConcernOnce() throws Exception {
        ConcernSubmitted first = Messages.fresh(Instant.now());
        StaffDatabase.enqueueAsIntake(first);
        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '"
                + first.messageId() + "'") == 1);
        ConcernSubmitted second = Messages.fresh(Instant.now());
        ConcernSubmitted third = Messages.fresh(Instant.now());
        StaffDatabase.enqueueAllAsIntake(List.of(second, first, third)); // first again, e.g. replayed by an admin
        for (ConcernSubmitted message : List.of(first, second, third)) {
            dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '"
                    + message.messageId() + "'") == 0);
            assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE message_id = '"
                    + message.messageId() + "'"));
        }
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM queue.message WHERE dead_at IS NOT NULL AND id IN ('"
                + first.messageId() + "', '" + second.messageId() + "', '" + third.messageId() + "')"));
    }

    @Test
    void acuteDangerIsRegisteredAsUrgent() throws Exception {
        ConcernSubmitted fixture = Messages.fresh(Instant.now());
        var c = fixture.concern();
        var acute = new dk.skp.model.concern.ConcernReport(c.reporter(), c.person(), c.whereabouts(), c.observations(),
                dk.skp.model.vocabulary.Urgency.NORMAL, true, c.language());
        ConcernSubmitted message = ConcernSubmitted.v1(fixture.messageId(), fixture.reference(), fixture.receivedAt(),
                fixture.channel(), null, acute);
        StaffDatabase.enqueueAsIntake(message);
        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE reference = '"
                + message.reference() + "' AND urgency = 'URGENT' AND acute_danger") == 1);
    }

    @Test
    void aMessageThisVersionCannotReadIsParkedAsDeadAndCounted() throws Exception {
        UUID id = UUID.randomUUID();
        String future = Messages.fixtureJson().replace("\"schemaVersion\": 1", "\"schemaVersion\": 2")
                .replace("0b9f3c52-6f0e-4d7e-9a51-2f1d8c6a7e10", id.toString());
        StaffDatabase.enqueueRawAsIntake(id, future);
        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '" + id
                + "' AND dead_at IS NOT NULL AND attempts = 3 AND last_error LIKE '%unsupported schemaVersion 2%'") == 1);
        String error = String.valueOf(StaffDatabase.count("SELECT count(*) FROM queue.message WHERE last_error LIKE '%Jens%'"));
        assertEquals("0", error, "the error column holds no content of the message");

        dk.skp.staff.Await.until(() -> given().when().get(this.metrics).then().extract().asString()
                .contains("skp_queue_dead{topic=\"concern-submitted\"} 1.0"));
        given().when().get(this.metrics).then().statusCode(200)
                .body(containsString("skp_queue_pending{topic=\"concern-submitted\"}"))
                .body(containsString("skp_queue_oldest_age_seconds{topic=\"concern-submitted\"}"));
    }

    @Test
    void aQueuedConcernClaimingAStaffChannelIsParkedAsDeadNotRegistered() throws Exception {
        ConcernSubmitted fixture = Messages.fresh(Instant.now());
        ConcernSubmitted phone = ConcernSubmitted.v1(fixture.messageId(), fixture.reference(), fixture.receivedAt(),
                dk.skp.model.vocabulary.Channel.PHONE, null, fixture.concern());
        StaffDatabase.enqueueAsIntake(phone);
        dk.skp.staff.Await.until(() -> StaffDatabase.count("SELECT count(*) FROM queue.message WHERE id = '"
                + phone.messageId() + "' AND dead_at IS NOT NULL AND last_error LIKE '%cannot have come by PHONE%'") == 1);
        assertEquals(0, StaffDatabase.count("SELECT count(*) FROM staff.concern WHERE reference = '" + phone.reference() + "'"),
                "only staff enter concerns by phone, in person, by e-mail or letter");
        // Out of the way of the dead-message count another test reads.
        dk.skp.staff.ConcernSteps.sql("DELETE FROM queue.message WHERE id = '" + phone.messageId() + "'");
    }
}
