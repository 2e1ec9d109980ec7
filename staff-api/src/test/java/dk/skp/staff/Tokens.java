package dk.skp.staff;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/** Signed bearer tokens as an OIDC provider would issue them, signed with the test key the service trusts. */
public final class Tokens {

    private Tokens() {
    }

    public static String coordinator() {
        return of("coordinator", "coordinator-1");
    }

    public static String of(String role, String subject) {
        return claims(role, subject).sign(testKey());
    }

    /** Loaded explicitly, so the same tokens work in @QuarkusTest and in tests of the packaged service. */
    private static PrivateKey testKey() {
        try {
            return KeyUtils.readPrivateKey("test-keys/private.pem");
        } catch (Exception e) {
            throw new IllegalStateException("test key missing from the test class path", e);
        }
    }

    /** Claims of one's own (Tokens.claims(...).claim(...)), signed with the test key. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(testKey());
    }

    public static JwtClaimsBuilder claims(String role, String subject) {
        return Jwt.issuer("skp-local").audience("skp-staff").subject(subject).claim("preferred_username", subject)
                .claim("roles", Set.of(role)).expiresAt(Instant.now().plusSeconds(600));
    }

    public static String expired(String role) {
        return claims(role, "late").issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(testKey());
    }

    public static String fromIssuer(String issuer, String role) {
        return claims(role, "stranger").issuer(issuer).sign(testKey());
    }

    public static String forAudience(String audience, String role) {
        return claims(role, "stranger").audience(audience).sign(testKey());
    }

    public static String signedByAnotherKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey other = generator.generateKeyPair().getPrivate();
            return claims(role, "forger").sign(other);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
