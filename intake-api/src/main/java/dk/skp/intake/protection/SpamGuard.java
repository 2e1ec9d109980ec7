package dk.skp.intake.protection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.skp.intake.repository.SpentProofs;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Spam protection for the public intake without any third-party service:
 * <ul>
 * <li>a <b>proof of work</b> in the ALTCHA format: {@link #newChallenge()} hands out an HMAC-signed challenge with an
 * expiry; the client searches the number whose SHA-256 matches and sends it back; {@link #verifyProofOfWork(String)}
 * checks signature, hash and expiry and lets each challenge through once;</li>
 * <li>a <b>signed form token</b> for browsers without JavaScript, which cannot do the work: issued when the form is
 * shown, valid once, and only after a few seconds (a person reads) and before a few hours;</li>
 * <li>a <b>honeypot</b> field that people never see and scripts fill in.</li>
 * </ul>
 * Refusals are {@link ProblemException}s of type {@link ProblemType#HUMAN_CHECK_FAILED} whose detail key says why, so
 * the JSON API can answer them as problem+json and the form as a page. Nothing the client sent is logged.
 */
@ApplicationScoped
@Startup // so that a missing key is reported when the service starts, not at the first form
public class SpamGuard {

    public static final String ALGORITHM = "SHA-256";

    static final String KIND_ALTCHA = "altcha";
    static final String KIND_FORM = "form";
    private static final String FORM_TOKEN_VERSION = "v1";
    /**
     * The expiry in the salt must be closed by '&amp;', as ALTCHA writes it: the number is appended to the salt before
     * hashing, so an open "expires=1700000000" followed by the number 123 would hash like "expires=17000000001" and 23,
     * and anyone could push a solved challenge's expiry years ahead.
     */
    /** The longest Proof-Of-Work the API documents; a solution (base64 JSON of five short fields) has about 350. */
    public static final int PROOF_MAX_LENGTH = 1000;

    private static final Pattern EXPIRES = Pattern.compile("[?&]expires=(\\d{1,12})&");
    private static final Logger LOG = Logger.getLogger(SpamGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final ProtectionConfig config;
    private final SpentProofs spent;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SpamGuard(ProtectionConfig config, SpentProofs spent, Clock clock, MeterRegistry metrics) {
        this.config = config;
        this.spent = spent;
        this.clock = clock;
        this.metrics = metrics;
        this.key = new SecretKeySpec(keyBytes(config), "HmacSHA256");
    }

    private byte[] keyBytes(ProtectionConfig config) {
        String configured = config.challengeKey().map(String::strip).orElse("");
        if (configured.isEmpty()) {
            LOG.warn("skp.intake.protection.challenge-key (SKP_INTAKE_PROTECTION_CHALLENGE_KEY) is not set: this process "
                    + "signs challenges and form tokens with a random key of its own. Several instances behind one load "
                    + "balancer need one shared key, or each refuses what the others handed out.");
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return bytes;
        }
        if (configured.length() < 32) {
            LOG.warn("skp.intake.protection.challenge-key is shorter than 32 characters; use a long random value");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    // --- proof of work (ALTCHA) ------------------------------------------------------------------------------------

    public AltchaChallenge newChallenge() {
        long expires = clock.instant().plus(config.challengeTtl()).getEpochSecond();
        byte[] saltBytes = new byte[12];
        random.nextBytes(saltBytes);
        String salt = HEX.formatHex(saltBytes) + "?expires=" + expires + "&";
        long number = random.nextLong(config.maxNumber() + 1);
        String challenge = sha256Hex(salt + number);
        return new AltchaChallenge(ALGORITHM, challenge, config.maxNumber(), salt, hmacHex(challenge));
    }

    /**
     * Accepts a solved challenge once: the ALTCHA payload, base64 of JSON {algorithm, challenge, number, salt,
     * signature}, as the ALTCHA widget and the form's script send it in the field {@code altcha}.
     *
     * @throws ProblemException HUMAN_CHECK_FAILED (detail key proof.missing, proof.invalid, proof.expired,
     *                          proof.reused), or SERVICE_UNAVAILABLE when the used challenges cannot be checked
     */
    public void verifyProofOfWork(String altchaPayload) {
        if (altchaPayload == null || altchaPayload.isBlank()) {
            throw refuse("proof.missing");
        }
        if (altchaPayload.length() > PROOF_MAX_LENGTH) {
            throw refuse("proof.invalid"); // not decoded: no solution is this long
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(Base64.getDecoder().decode(altchaPayload.strip()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw refuse("proof.invalid");
        }
        if (payload == null || !payload.isObject() || !ALGORITHM.equals(text(payload, "algorithm"))
                || !payload.path("number").canConvertToLong()) {
            throw refuse("proof.invalid");
        }
        String challenge = text(payload, "challenge");
        String salt = text(payload, "salt");
        String signature = text(payload, "signature");
        if (challenge == null || salt == null || signature == null
                || !constantTimeEquals(hmacHex(challenge), signature)
                || !constantTimeEquals(sha256Hex(salt + payload.path("number").asLong()), challenge)) {
            throw refuse("proof.invalid");
        }
        // The salt is covered by the signature (through the challenge hash), so its expiry can be trusted now.
        Matcher expires = EXPIRES.matcher(salt);
        if (!expires.find()) {
            throw refuse("proof.invalid");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(expires.group(1)));
        if (!clock.instant().isBefore(expiresAt)) {
            throw refuse("proof.expired");
        }
        if (!spent.spend(KIND_ALTCHA, signature, expiresAt)) {
            throw refuse("proof.reused");
        }
        metrics.counter("skp.intake.protection.passed", "by", "proof-of-work").increment();
    }

    // --- form token (for browsers without JavaScript) --------------------------------------------------------------

    public String issueFormToken() {
        return formToken(clock.instant());
    }

    /** A token as if the form had been shown at the given time. */
    public String formToken(Instant issuedAt) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String body = FORM_TOKEN_VERSION + "." + issuedAt.getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return body + "." + formTokenMac(body);
    }

    /**
     * Accepts a form token once, no sooner than {@link ProtectionConfig#formTokenMinAge()} and no later than
     * {@link ProtectionConfig#formTokenMaxAge()} after the form was shown.
     *
     * @throws ProblemException HUMAN_CHECK_FAILED (formToken.invalid, formToken.tooSoon, formToken.expired,
     *                          formToken.reused), or SERVICE_UNAVAILABLE
     */
    public void verifyFormToken(String token) {
        String[] parts = token == null ? new String[0] : token.strip().split("\\.", -1);
        if (parts.length != 4 || !FORM_TOKEN_VERSION.equals(parts[0]) || !parts[1].matches("\\d{1,12}")) {
            throw refuse("formToken.invalid");
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!constantTimeEquals(formTokenMac(body), parts[3])) {
            throw refuse("formToken.invalid");
        }
        Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        Instant now = clock.instant();
        if (now.isBefore(issuedAt.plus(config.formTokenMinAge()))) {
            throw refuse("formToken.tooSoon");
        }
        Instant expiresAt = issuedAt.plus(config.formTokenMaxAge());
        if (now.isAfter(expiresAt)) {
            throw refuse("formToken.expired");
        }
        if (!spent.spend(KIND_FORM, parts[3], expiresAt)) {
            throw refuse("formToken.reused");
        }
        metrics.counter("skp.intake.protection.passed", "by", "form-token").increment();
    }

    /** The web form: a solved challenge when the browser ran the script, otherwise the form token. */
    public void verifyFormSubmission(String altchaPayload, String formToken) {
        if (altchaPayload != null && !altchaPayload.isBlank()) {
            verifyProofOfWork(altchaPayload);
        } else {
            verifyFormToken(formToken);
        }
    }

    // --- honeypot --------------------------------------------------------------------------------------------------

    /** True when the field no person sees was filled in. Counted, never logged with what was in it. */
    public boolean honeypotFilled(String honeypot) {
        if (honeypot == null || honeypot.isEmpty()) {
            return false;
        }
        refused("honeypot");
        LOG.info("web form: honeypot filled in; answered as if accepted, nothing queued");
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private ProblemException refuse(String detailKey) {
        refused(detailKey);
        return new ProblemException(ProblemType.HUMAN_CHECK_FAILED, detailKey);
    }

    private void refused(String reason) {
        metrics.counter("skp.intake.protection.refused", "reason", reason).increment();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private String formTokenMac(String body) {
        // Domain-separated from the challenge signatures, which are over a bare hex string.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("skp-form-token." + body));
    }

    private String hmacHex(String message) {
        return HEX.formatHex(hmac(message));
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String sha256Hex(String message) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
