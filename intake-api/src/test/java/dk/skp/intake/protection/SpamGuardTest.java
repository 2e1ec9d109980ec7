package dk.skp.intake.protection;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.intake.IntakeDatabase;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.altcha.altcha.Altcha;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** SpamGuard as the JSON API will use it: each refusal is a ProblemException that says why, in both languages. */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class SpamGuardTest {

    @Inject
    SpamGuard guard;

    @ConfigProperty(name = "skp.intake.protection.challenge-key")
    String key;

    @Test
    void aProofOfWorkIsCheckedForSignatureHashExpiryAndReuse() throws Exception {
        AltchaChallenge challenge = guard.newChallenge();
        long number = Altcha.solveChallenge(challenge.challenge(), challenge.salt(), Altcha.Algorithm.SHA256,
                challenge.maxnumber(), 0).number;
        String valid = payload(challenge.challenge(), number, challenge.salt(), challenge.signature());

        refused("proof.missing", () -> guard.verifyProofOfWork(null));
        refused("proof.missing", () -> guard.verifyProofOfWork(" "));
        refused("proof.invalid", () -> guard.verifyProofOfWork("not base64 at all!"));
        refused("proof.invalid", () -> guard.verifyProofOfWork(Base64.getEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8))));
        refused("proof.invalid", () -> guard.verifyProofOfWork(payload(challenge.challenge(), number + 1, challenge.salt(), challenge.signature())));
        refused("proof.invalid", () -> guard.verifyProofOfWork(payload(challenge.challenge(), number,
                challenge.salt().replaceFirst("expires=\\d+", "expires=99999999999"), challenge.signature())));
        String otherSignature = HexFormat.of().formatHex(new byte[32]);
        refused("proof.invalid", () -> guard.verifyProofOfWork(payload(challenge.challenge(), number, challenge.salt(), otherSignature)));

        // A right solution made longer than the documented maxLength (1000) is not even decoded.
        String padded = Base64.getEncoder().encodeToString(new String(Base64.getDecoder().decode(valid),
                StandardCharsets.UTF_8).replace("}", ",\"pad\":\"" + "x".repeat(SpamGuard.PROOF_MAX_LENGTH) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        refused("proof.invalid", () -> guard.verifyProofOfWork(padded));

        assertDoesNotThrow(() -> guard.verifyProofOfWork(valid));
        refused("proof.reused", () -> guard.verifyProofOfWork(valid));

        Altcha.Challenge expired = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey(key).setMaxNumber(100L)
                .setExpires(Instant.now().minusSeconds(1).getEpochSecond()));
        long expiredNumber = Altcha.solveChallenge(expired.challenge, expired.salt, Altcha.Algorithm.SHA256, 100, 0).number;
        refused("proof.expired", () -> guard.verifyProofOfWork(payload(expired.challenge, expiredNumber, expired.salt, expired.signature)));

        Altcha.Challenge withoutExpiry = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey(key).setMaxNumber(100L));
        long n = Altcha.solveChallenge(withoutExpiry.challenge, withoutExpiry.salt, Altcha.Algorithm.SHA256, 100, 0).number;
        refused("proof.invalid", () -> guard.verifyProofOfWork(payload(withoutExpiry.challenge, n, withoutExpiry.salt, withoutExpiry.signature)));
    }

    @Test
    void anExpiryNotClosedByAnAmpersandIsRefusedSoDigitsCannotMoveIntoIt() throws Exception {
        // Signed with the right key, but "expires=<t>" is followed directly by the number: the split between salt and
        // number is ambiguous, so the expiry could be stretched by moving the number's digits into it.
        String open = "00112233445566778899aabb?expires=" + Instant.now().plusSeconds(600).getEpochSecond();
        String openChallenge = sha256Hex(open + 42);
        refused("proof.invalid", () -> guard.verifyProofOfWork(payload(openChallenge, 42, open, hmacHex(openChallenge))));

        String closed = open + "&";
        String closedChallenge = sha256Hex(closed + 42);
        assertDoesNotThrow(() -> guard.verifyProofOfWork(payload(closedChallenge, 42, closed, hmacHex(closedChallenge))),
                "the same salt closed by '&' is fine");
    }

    @Test
    void aFormTokenIsCheckedForSignatureAgeAndReuse() {
        refused("formToken.invalid", () -> guard.verifyFormToken(null));
        refused("formToken.invalid", () -> guard.verifyFormToken("v1.123.abc"));
        refused("formToken.tooSoon", () -> guard.verifyFormToken(guard.issueFormToken()));
        refused("formToken.tooSoon", () -> guard.verifyFormToken(guard.formToken(Instant.now().plusSeconds(60))));
        refused("formToken.expired", () -> guard.verifyFormToken(guard.formToken(Instant.now().minusSeconds(2 * 3600 + 5))));
        String token = guard.formToken(Instant.now().minusSeconds(5));
        assertDoesNotThrow(() -> guard.verifyFormToken(token));
        refused("formToken.reused", () -> guard.verifyFormToken(token));
        assertDoesNotThrow(() -> guard.verifyFormToken(guard.formToken(Instant.now().minusSeconds(2 * 3600 - 5))));
    }

    @Test
    void everyRefusalHasATitleAndDetailInDanishAndEnglish() {
        for (Locale locale : new Locale[] { Locale.forLanguageTag("da"), Locale.ENGLISH }) {
            assertEquals(403, ProblemType.HUMAN_CHECK_FAILED.status());
            assertTrue(!ProblemType.HUMAN_CHECK_FAILED.title(locale).isBlank());
            for (String key : new String[] { "proof.missing", "proof.invalid", "proof.expired", "proof.reused",
                    "formToken.invalid", "formToken.tooSoon", "formToken.expired", "formToken.reused" }) {
                assertTrue(!ProblemType.text(locale, key).isBlank(), key);
            }
        }
        assertEquals(ProblemType.FORBIDDEN, ProblemType.forStatus(403), "a plain 403 stays FORBIDDEN");
    }

    private static void refused(String detailKey, Executable check) {
        ProblemException refused = assertThrows(ProblemException.class, check);
        assertEquals(ProblemType.HUMAN_CHECK_FAILED, refused.type());
        assertEquals(detailKey, refused.detailKey());
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String hmacHex(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String payload(String challenge, long number, String salt, String signature) {
        String json = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + number + ",\"salt\":\""
                + salt + "\",\"signature\":\"" + signature + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
