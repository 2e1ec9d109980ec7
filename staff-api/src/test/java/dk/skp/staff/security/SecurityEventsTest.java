package dk.skp.staff.security;

import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.contactPerson;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Refusals are security events in their own log category, one line each, naming the operation by its template and
 * the subject, never a token, a claim, the raw path or the query; admin changes are audit rows.
 */
@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class SecurityEventsTest {

    /** A name and an e-mail address in the claims: personal data a log line must not carry. */
    private static final String PERSONAL_NAME = "Birgitte Sørensen-Kjær";

    @Inject
    ConcernSubmittedConsumer consumer;

    @Test
    void refusalsAreLoggedAsSecurityEventsWithoutTokensOrPersonalData() {
        String holder = contactPerson("cp-sec-holder", "Holder", "[\"Bolbro\"]", 5, null);
        String concern = receive(consumer);
        triage(concern, "Bolbro");
        assign(concern, holder);
        String other = Tokens.claims("contact-person", "cp-sec-other").claim("name", PERSONAL_NAME)
                .claim("email", "birgitte@example.dk").sign(privateKey());
        String expired = Tokens.expired("coordinator");

        List<String> lines = capture(() -> {
            given().queryParam("reference", "SKP-SECRET-QUERY").when().get("/api/v1/concerns").then().statusCode(401);
            given().auth().oauth2(expired).when().get("/api/v1/concerns/" + concern).then().statusCode(401);
            given().auth().oauth2(other).when().get("/api/v1/admin/partners").then().statusCode(403);
            given().auth().oauth2(other).when().get("/api/v1/concerns/" + concern).then().statusCode(404);
            // Absence is not an event: a concern that does not exist, asked for by a coordinator.
            given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + UUID.randomUUID()).then().statusCode(404);
        });

        assertEquals(List.of(
                "event=unauthenticated reason=no-token operation=\"GET /api/v1/concerns\"",
                "event=unauthenticated reason=invalid-token operation=\"GET /api/v1/concerns/{id}\"",
                "event=forbidden reason=role subject=cp-sec-other roles=contact-person operation=\"GET /api/v1/admin/partners\"",
                "event=forbidden reason=not-their-concern subject=cp-sec-other concern=" + concern
                        + " operation=\"GET /api/v1/concerns/{id}\""), lines);
        for (String line : lines) {
            for (String forbidden : List.of(PERSONAL_NAME, "birgitte", "SKP-SECRET-QUERY", "eyJ",
                    other.substring(other.length() - 20), expired.substring(expired.length() - 20))) {
                assertFalse(line.contains(forbidden), line + " carries " + forbidden);
            }
        }
    }

    @Test
    void adminChangesOfContactPersonsPartnersAndKeysAreAuditRows() {
        String admin = Tokens.of("admin", "admin-audited");
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"subject": "cp-audited", "name": "Aud Ited", "email": "aud@skp.example", "districts": ["Tarup"],
                 "capacity": 3}""").when().post("/api/v1/admin/contact-persons").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"name": "Aud Ited", "email": "aud@skp.example", "districts": ["Tarup"], "capacity": 4}""")
                .when().put("/api/v1/admin/contact-persons/" + id).then().statusCode(200);
        given().auth().oauth2(admin).when().delete("/api/v1/admin/contact-persons/" + id).then().statusCode(204);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"id\": \"audited-partner\", \"name\": \"Audited Partner\", \"defaultRole\": \"POLICE\"}")
                .when().post("/api/v1/admin/partners").then().statusCode(201);
        String prefix = given().auth().oauth2(admin).when().post("/api/v1/admin/partners/audited-partner/keys")
                .then().statusCode(201).extract().path("prefix");
        given().auth().oauth2(admin).when().delete("/api/v1/admin/partners/audited-partner/keys/" + prefix)
                .then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/api/v1/admin/partners/audited-partner").then().statusCode(204);

        given().auth().oauth2(Tokens.of("admin", "dpo-2")).queryParam("actor", "admin-audited")
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("items.action", contains("CONTACT_PERSON_ADDED", "CONTACT_PERSON_CHANGED",
                        "CONTACT_PERSON_REMOVED", "PARTNER_CREATED", "PARTNER_KEY_ISSUED", "PARTNER_KEY_REVOKED",
                        "PARTNER_REVOKED"))
                .body("items[0].details.contactPerson", equalTo(id))
                .body("items[0].details.subject", equalTo("cp-audited"))
                .body("items[1].details.changed", containsInAnyOrder("capacity"))
                .body("items[4].details.keyPrefix", equalTo(prefix))
                .body("items[6].details.partner", equalTo("audited-partner"))
                // Ids only: not the contact person's name or address.
                .body("items.details.toString()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("aud@skp.example")));
    }

    private static List<String> capture(Runnable requests) {
        return dk.skp.staff.LogCapture.during(SecurityLog.CATEGORY, requests);
    }

    private static java.security.PrivateKey privateKey() {
        try {
            return io.smallrye.jwt.util.KeyUtils.readPrivateKey("test-keys/private.pem");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
