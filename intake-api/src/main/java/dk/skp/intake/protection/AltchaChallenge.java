package dk.skp.intake.protection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proof-of-work challenge in the ALTCHA format, so that the ALTCHA widget can solve it as well as our own script. */
@Schema(name = "Challenge", description = "A proof-of-work challenge (ALTCHA format). Find the number n in 0..maxnumber "
        + "for which hex(SHA-256(salt + n)) equals challenge, then send base64(JSON {algorithm, challenge, number, salt, "
        + "signature}) in the field altcha. Each challenge can be used once, before the expiry in its salt.")
public record AltchaChallenge(
        @Schema(examples = "SHA-256", enumeration = "SHA-256") String algorithm,
        @Schema(description = "hex(SHA-256(salt + secret number))", maxLength = 64, pattern = "^[0-9a-f]{64}$") String challenge,
        @Schema(description = "The secret number is at most this", minimum = "1", maximum = "100000000", format = "int64") long maxnumber,
        @Schema(description = "Random salt with the expiry as a query parameter", examples = "5f0c31a4e9a06b8e2f1d7c4a?expires=1795432800&",
                maxLength = 100)
        String salt,
        @Schema(description = "hex(HMAC-SHA256(server key, challenge))", maxLength = 64, pattern = "^[0-9a-f]{64}$") String signature) {
}
