package dk.skp.staff;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged services, started as an operator would start them in production (the default profile) but without
 * real secrets, refuse to start, say which environment variables to set, and exit non-zero - before they touch the
 * database. (bin/run and {@link PackagedSystem} start them in the profile local.)
 */
class ProductionStartIT {

    @Test
    void intakeWithoutSecretsRefusesAndNamesWhatToSet() throws Exception {
        String output = refusedStart("../intake-api/target/quarkus-app/quarkus-run.jar", "intake-refused", Map.of());
        assertTrue(output.contains("SKP_DB_INTAKE_PASSWORD is not set"), output);
        assertTrue(output.contains("SKP_INTAKE_PROTECTION_CHALLENGE_KEY is not set"), output);
        assertTrue(output.contains("SKP_SEAL_PUBLIC_KEYSET is not set"), output);
    }

    @Test
    void staffWithTheDevelopmentDefaultsAndAPlainHttpIssuerRefuses() throws Exception {
        String output = refusedStart("target/quarkus-app/quarkus-run.jar", "staff-refused",
                Map.of("SKP_DB_STAFF_PASSWORD", "skp_staff",
                        "SKP_STAFF_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/skp",
                        "SKP_STAFF_AUTH_CLIENT_SECRET", KeycloakServer.CLIENT_SECRET,
                        // The committed development keyset, pasted in as JSON rather than named: refused all the same.
                        "SKP_SEAL_PRIVATE_KEYSET", dk.skp.model.queue.SealKeys.privateJson(dk.skp.model.queue.SealKeys
                                .privateKeyset("SKP_SEAL_PRIVATE_KEYSET", dk.skp.model.queue.SealKeys.DEVELOPMENT))));
        assertTrue(output.contains("SKP_DB_STAFF_PASSWORD is the development default"), output);
        assertTrue(output.contains("SKP_STAFF_AUTH_SERVER_URL must be an https:// URL"), output);
        assertTrue(output.contains("SKP_STAFF_AUTH_CLIENT_SECRET is the development default"), output);
        assertTrue(output.contains("SKP_SEAL_PRIVATE_KEYSET is the development default"), output);
    }

    private static String refusedStart(String jar, String name, Map<String, String> env) throws Exception {
        Path log = Path.of("target", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(jar).toAbsolutePath().toString());
        // Nothing from the build's own environment (a QUARKUS_PROFILE, SKP_DB_*): only what the test gives.
        builder.environment().clear();
        builder.environment().putAll(env);
        // Should it start after all, it must not take the ports of anything else.
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running after 60 s: it did not refuse; see " + log);
            assertNotEquals(0, process.exitValue());
            String output = Files.readString(log);
            assertTrue(output.contains("refusing to start in production"), output);
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
