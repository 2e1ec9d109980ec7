package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import dk.skp.model.exchange.PasscodeHasher;
import dk.skp.model.exchange.Secrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class StatusLookupTest {

    private static final String SECRET = ConfigProvider.getConfig().getValue("skp.passcode.secret", String.class);

    private static PasscodeHasher hasher(String secret) {
        return new PasscodeHasher(secret);
    }

    /** The police example asks for status updates. */
    private static Response submitAskingForUpdates() {
        return given().contentType(ContentType.JSON).body(Examples.read(Examples.POLICE_PARTNER))
                .when().post("/api/v1/concerns").then().statusCode(202)
                .header("Cache-Control", "no-store")
                .body("passcode", matchesPattern("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$"))
                .extract().response();
    }

    private static Response lookup(String reference, String passcode) {
        return given().header("Passcode", passcode).header("Accept-Language", "en")
                .when().get("/api/v1/concerns/" + reference + "/status");
    }

    @Test
    void theReporterSeesTheCoarseStatusWithThePasscodeAndNothingElse() {
        Response receipt = submitAskingForUpdates();
        String reference = receipt.path("reference");
        String passcode = receipt.path("passcode");

        lookup(reference, passcode).then().statusCode(200).header("Cache-Control", "no-store")
                .body("status", equalTo("RECEIVED")).body("size()", equalTo(1));
        // Typed loosely, as people do.
        lookup(reference.toLowerCase(), passcode.toLowerCase().replace("-", "")).then().statusCode(200);

        // Staff publishes a new code with its own role; intake answers with it.
        assertEquals(1, IntakeDatabase.asStaff("UPDATE exchange.reporter_status SET status = 'IN_PROGRESS', "
                + "status_changed_at = now() WHERE reference = '" + reference + "'"));
        lookup(reference, passcode).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void theResponseToAWrongPasscodeIsTheSameAsToAnUnknownReference() {
        String reference = submitAskingForUpdates().path("reference");
        String wrong = lookup(reference, "AAAA-BBBB-CC").then().statusCode(404).contentType("application/problem+json")
                .extract().asString();
        String unknown = lookup("SKP-0000-0000", "AAAA-BBBB-CC").then().statusCode(404).extract().asString();
        assertEquals(wrong.replace(reference, "X"), unknown.replace("SKP-0000-0000", "X"));
        lookup("not-a-reference", "AAAA-BBBB-CC").then().statusCode(404);
        given().when().get("/api/v1/concerns/" + reference + "/status").then().statusCode(401);
    }

    @Test
    void repeatedWrongPasscodesLockTheReferenceEvenForTheRightOne() {
        Response receipt = submitAskingForUpdates();
        String reference = receipt.path("reference");
        String passcode = receipt.path("passcode");
        for (int i = 0; i < 5; i++) {
            lookup(reference, "WRNG-PASS-" + i + "0").then().statusCode(404);
        }
        lookup(reference, passcode).then().statusCode(404);
        assertEquals(1, IntakeDatabase.asStaff("UPDATE exchange.reporter_status SET locked_until = now() - interval '1 second' "
                + "WHERE reference = '" + reference + "' AND locked_until > now()"), "it was locked");
        lookup(reference, passcode).then().statusCode(200);
    }

    @Test
    void thePasscodeIsStoredOnlyAsAHashAndOnlyWhenAskedFor() {
        Response receipt = submitAskingForUpdates();
        String passcode = receipt.path("passcode");
        String reference = receipt.path("reference");
        assertEquals(0, IntakeDatabase.asStaff("UPDATE exchange.reporter_status SET status = status WHERE reference = '"
                + reference + "' AND (passcode_hash LIKE '%" + passcode.replace("-", "") + "%' OR passcode_hash LIKE '%"
                + passcode + "%')"));
        // HMAC-SHA256 with the server's secret, never the bare SHA-256 that a stolen table would give away in hours.
        assertEquals(1, IntakeDatabase.asStaff("UPDATE exchange.reporter_status SET status = status WHERE reference = '"
                + reference + "' AND passcode_hash = '" + hasher(SECRET).hash(passcode) + "'"));

        String anonymous = given().contentType(ContentType.JSON).body(Examples.read(Examples.ANONYMOUS_NEIGHBOUR))
                .when().post("/api/v1/concerns").then().statusCode(202).body("$", not(hasKey("passcode")))
                .extract().path("reference");
        assertEquals(0, IntakeDatabase.asStaff("UPDATE exchange.reporter_status SET status = status WHERE reference = '" + anonymous + "'"));
    }

    @Test
    void aHashMadeWithAnotherSecretDoesNotOpenTheStatusButABareSha256FromBeforeTheSecretStillDoes() {
        Response receipt = submitAskingForUpdates();
        String reference = receipt.path("reference");
        String passcode = receipt.path("passcode");

        // A table copied elsewhere, or a service with another secret: the hash alone opens nothing.
        assertEquals(1, IntakeDatabase.asStaff("UPDATE exchange.reporter_status SET passcode_hash = '"
                + hasher("another-secret-of-at-least-thirty-two-characters").hash(passcode) + "' WHERE reference = '" + reference + "'"));
        lookup(reference, passcode).then().statusCode(404);

        // Rows written before passcodes were HMACs hold a bare SHA-256 of the normalised passcode: they still verify
        // (intake may not rewrite the column), until retention erases them with their concern.
        assertEquals(1, IntakeDatabase.asStaff("UPDATE exchange.reporter_status SET passcode_hash = '"
                + Secrets.sha256(passcode.replace("-", "")) + "', failed_attempts = 0, locked_until = NULL WHERE reference = '"
                + reference + "'"));
        lookup(reference, passcode.toLowerCase()).then().statusCode(200).body("status", equalTo("RECEIVED"));
        lookup(reference, "AAAA-BBBB-CC").then().statusCode(404);
    }
}
