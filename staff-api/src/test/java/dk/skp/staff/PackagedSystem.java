package dk.skp.staff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.db.DatabaseSettings;
import dk.skp.model.db.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged services as separate processes, as they run in production: a database of their own, staff-api signing
 * staff in through the build's one Keycloak ({@link KeycloakServer#shared()}), and intake-api. For the tests of the
 * packaged app (*IT); logs in target/&lt;name&gt;-logs.
 * <p>
 * They run in the profile {@code local} that bin/run uses: the test databases' roles have the development passwords
 * and the build's Keycloak the development client secret and an http issuer, which a production start refuses
 * ({@code ProductionStartIT} tests that refusal). Proof of work for API clients stays on, as deployed.
 */
public final class PackagedSystem implements AutoCloseable {

    private final Path logs;
    private final TestDatabase db;
    private final KeycloakServer keycloak;
    private Process staff;
    private Process intake;
    public final int staffPort;
    public final int intakePort;
    public final int staffManagementPort;
    public final int intakeManagementPort;

    private PackagedSystem(String name) throws IOException {
        logs = Path.of("target", name + "-logs");
        Files.createDirectories(logs);
        keycloak = KeycloakServer.shared();
        db = TestDatabase.create(name);
        staffPort = freePort();
        intakePort = freePort();
        staffManagementPort = freePort();
        intakeManagementPort = freePort();
    }

    /** Starts both services; {@code intakeEnv} adds to intake's environment (e.g. to lift its per-client limits). */
    public static PackagedSystem start(String name, Map<String, String> intakeEnv) throws Exception {
        return start(name, intakeEnv, Map.of());
    }

    /** Starts both services; {@code staffEnv} adds to staff's environment (e.g. an SMTP server of the test's own). */
    public static PackagedSystem start(String name, Map<String, String> intakeEnv, Map<String, String> staffEnv)
            throws Exception {
        PackagedSystem system = new PackagedSystem(name);
        try {
            system.startServices(intakeEnv, staffEnv);
            return system;
        } catch (Exception | AssertionError e) {
            system.close();
            throw e;
        }
    }

    private void startServices(Map<String, String> intakeEnv, Map<String, String> staffEnv) throws Exception {
        Path intakeJar = Path.of(System.getProperty("skp.intake.jar", "../intake-api/target/quarkus-app/quarkus-run.jar"));
        Path staffJar = Path.of(System.getProperty("skp.staff.jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.exists(intakeJar), "intake-api is not packaged at " + intakeJar.toAbsolutePath()
                + "; run ./mvnw verify from the project root");
        assertTrue(Files.exists(staffJar), "staff-api is not packaged at " + staffJar.toAbsolutePath());

        DatabaseSettings s = db.settings();
        Map<String, String> common = Map.of("QUARKUS_PROFILE", "local", "SKP_DB_HOST", s.host(),
                "SKP_DB_PORT", String.valueOf(s.port()),
                "SKP_DB_NAME", s.database(), "SKP_DB_INTAKE_USER", s.intakeUser(), "SKP_DB_INTAKE_PASSWORD",
                s.intakePassword(), "SKP_DB_STAFF_USER", s.staffUser(), "SKP_DB_STAFF_PASSWORD", s.staffPassword(),
                // The packaged services run in the production profile, which has no passcode secret of its own.
                "SKP_PASSCODE_SECRET", "packaged-system-test-passcode-secret-not-for-production");

        // Staff first: its migrations create the queue that intake writes to.
        Map<String, String> staffOwn = new HashMap<>(Map.of("QUARKUS_HTTP_PORT", String.valueOf(staffPort),
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(staffManagementPort),
                "SKP_STAFF_AUTH_SERVER_URL", keycloak.issuer(),
                "SKP_STAFF_AUTH_CLIENT_SECRET", KeycloakServer.CLIENT_SECRET,
                "SKP_STAFF_MAIL_LINK_BASE", staffUrl() + "/concerns",
                "SKP_STAFF_MAIL_REPORTER_STATUS_PAGE", intakeUrl() + "/status"));
        staffOwn.putAll(staffEnv);
        staff = start(staffJar, common, staffOwn, "staff");
        awaitReady(staffManagementPort, staff, "staff");
        Map<String, String> intakeOwn = new HashMap<>(intakeEnv);
        intakeOwn.putIfAbsent("SKP_INTAKE_PROTECTION_API_PROOF_OF_WORK", "true");
        intakeOwn.put("QUARKUS_HTTP_PORT", String.valueOf(intakePort));
        intakeOwn.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(intakeManagementPort));
        intakeOwn.put("SKP_INTAKE_MAIL_STAFF_LINK_BASE", staffUrl());
        intake = start(intakeJar, common, intakeOwn, "intake");
        awaitReady(intakeManagementPort, intake, "intake");
    }

    public String staffUrl() {
        return "http://127.0.0.1:" + staffPort;
    }

    public String intakeUrl() {
        return "http://127.0.0.1:" + intakePort;
    }

    public TestDatabase database() {
        return db;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public Path logs() {
        return logs;
    }

    @Override
    public void close() throws Exception {
        for (Process p : new Process[] { intake, staff }) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        db.close();
    }

    private Process start(Path jar, Map<String, String> common, Map<String, String> own, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString());
        builder.environment().putAll(common);
        builder.environment().putAll(own);
        builder.redirectErrorStream(true);
        builder.redirectOutput(logs.resolve(name + ".log").toFile());
        return builder.start();
    }

    private void awaitReady(int port, Process process, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), name + " exited; see " + logs.resolve(name + ".log").toAbsolutePath());
            try {
                if (given().port(port).when().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not ready within 90 s; see " + logs.resolve(name + ".log").toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
