package dk.skp.staff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.db.DatabaseSettings;
import dk.skp.model.db.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged services as separate processes, as they run in production: a database of their own, staff-api signing
 * staff in through the build's one Keycloak ({@link KeycloakServer#shared()}), and intake-api. For the tests of the
 * packaged app (*IT); logs in target/&lt;name&gt;-logs. Several intake and staff instances may run side by side
 * ({@code ScaleOutIT}), and a test may kill any of the processes and start it again ({@link Service}), as
 * {@code FaultsIT} does.
 * <p>
 * They run in the profile {@code local} that bin/run uses: the test databases' roles have the development passwords
 * and the build's Keycloak the development client secret and an http issuer, which a production start refuses
 * ({@code ProductionStartIT} tests that refusal). Proof of work for API clients stays on, as deployed.
 */
public final class PackagedSystem implements AutoCloseable {

    private final Path logs;
    private final TestDatabase db;
    private final boolean ownsDatabase;
    private final KeycloakServer keycloak;
    private final List<Service> staffInstances = new ArrayList<>();
    private final List<Service> intakeInstances = new ArrayList<>();
    public final int staffPort;
    public final int intakePort;
    public final int staffManagementPort;
    public final int intakeManagementPort;

    private PackagedSystem(String name, TestDatabase database) throws IOException {
        logs = Path.of("target", name + "-logs");
        Files.createDirectories(logs);
        keycloak = KeycloakServer.shared();
        ownsDatabase = database == null;
        db = database == null ? TestDatabase.create(name) : database;
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
        return start(name, null, 1, intakeEnv, staffEnv);
    }

    /**
     * Starts {@code staffCount} staff processes side by side (each with its own ports and log, all with
     * {@code staffEnv}) and one intake, on {@code database} (the caller's, which it closes itself; null: one of the
     * system's own on the build's server).
     */
    public static PackagedSystem start(String name, TestDatabase database, int staffCount, Map<String, String> intakeEnv,
            Map<String, String> staffEnv) throws Exception {
        return start(name, database, 1, staffCount, intakeEnv, staffEnv);
    }

    /**
     * Starts {@code intakeCount} intake and {@code staffCount} staff processes side by side, each with its own ports and
     * log, all on one database, as several instances behind a load balancer run (ScaleOutIT).
     */
    public static PackagedSystem start(String name, TestDatabase database, int intakeCount, int staffCount,
            Map<String, String> intakeEnv, Map<String, String> staffEnv) throws Exception {
        PackagedSystem system = new PackagedSystem(name, database);
        try {
            system.startServices(intakeCount, staffCount, intakeEnv, staffEnv);
            return system;
        } catch (Exception | AssertionError e) {
            system.close();
            throw e;
        }
    }

    private void startServices(int intakeCount, int staffCount, Map<String, String> intakeEnv,
            Map<String, String> staffEnv)
            throws Exception {
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
        for (int i = 0; i < staffCount; i++) {
            int port = i == 0 ? staffPort : freePort();
            int managementPort = i == 0 ? staffManagementPort : freePort();
            Map<String, String> env = new HashMap<>(common);
            env.putAll(Map.of("QUARKUS_HTTP_PORT", String.valueOf(port),
                    "QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort),
                    "SKP_STAFF_AUTH_SERVER_URL", keycloak.issuer(),
                    "SKP_STAFF_AUTH_CLIENT_SECRET", KeycloakServer.CLIENT_SECRET,
                    "SKP_STAFF_MAIL_LINK_BASE", staffUrl() + "/concerns",
                    "SKP_STAFF_MAIL_REPORTER_STATUS_PAGE", intakeUrl() + "/status"));
            env.putAll(staffEnv);
            Service staff = new Service(i == 0 ? "staff" : "staff-" + (i + 1), staffJar, env, port, managementPort);
            staffInstances.add(staff);
            staff.start();
        }
        for (int i = 0; i < intakeCount; i++) {
            int port = i == 0 ? intakePort : freePort();
            int managementPort = i == 0 ? intakeManagementPort : freePort();
            Map<String, String> env = new HashMap<>(common);
            env.putAll(intakeEnv);
            env.putIfAbsent("SKP_INTAKE_PROTECTION_API_PROOF_OF_WORK", "true");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("SKP_INTAKE_MAIL_STAFF_LINK_BASE", staffUrl());
            Service intake = new Service(i == 0 ? "intake" : "intake-" + (i + 1), intakeJar, env, port, managementPort);
            intakeInstances.add(intake);
            intake.start();
        }
    }

    /** The (first) intake process. */
    public Service intake() {
        return intake(0);
    }

    /** Intake process {@code i} (0: the first, at {@link #intakePort}). */
    public Service intake(int i) {
        return intakeInstances.get(i);
    }

    /** Staff process {@code i} (0: the first, at {@link #staffPort}). */
    public Service staff(int i) {
        return staffInstances.get(i);
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
        List<Service> services = new ArrayList<>(intakeInstances);
        services.addAll(staffInstances);
        for (Service service : services) {
            service.stop();
        }
        if (ownsDatabase) {
            db.close();
        }
    }

    /**
     * One packaged service as a process: started once by the system, and by a test again after {@link #kill()}, on
     * the same ports with the same environment; its log (target/&lt;name&gt;-logs/&lt;service&gt;.log) runs on.
     */
    public final class Service {

        private final String name;
        private final Path jar;
        private final Map<String, String> env;
        private final int port;
        private final int managementPort;
        private Process process;
        private int starts;

        private Service(String name, Path jar, Map<String, String> env, int port, int managementPort) {
            this.name = name;
            this.jar = jar;
            this.env = Map.copyOf(env);
            this.port = port;
            this.managementPort = managementPort;
        }

        public String name() {
            return name;
        }

        public int port() {
            return port;
        }

        public int managementPort() {
            return managementPort;
        }

        public Path log() {
            return logs.resolve(name + ".log");
        }

        /** Starts the service and returns once it is ready. */
        public void start() throws Exception {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toAbsolutePath().toString());
            builder.environment().putAll(env);
            builder.redirectErrorStream(true);
            builder.redirectOutput(starts == 0 ? ProcessBuilder.Redirect.to(log().toFile())
                    : ProcessBuilder.Redirect.appendTo(log().toFile()));
            process = builder.start();
            starts++;
            awaitReady();
        }

        /** SIGKILL, as the kernel's OOM killer or a pulled plug would end it: no shutdown hook, nothing flushed. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        private void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }

        private void awaitReady() throws Exception {
            // Seconds on a quiet machine; a minute and more where many builds share two cores.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                assertTrue(process.isAlive(), name + " exited; see " + log().toAbsolutePath());
                try {
                    if (given().port(managementPort).when().get("/q/health/ready").statusCode() == 200) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError(name + " not ready within 180 s; see " + log().toAbsolutePath());
        }
    }

    /**
     * A port nobody listens on, below Linux's ephemeral range (32768 and up): a port the kernel handed out for a
     * listener can be given to an outgoing connection (to PostgreSQL, say) in the minutes before a service that was
     * to listen on it starts (the services start one after another, Keycloak first), and it then fails with "Address
     * already in use".
     */
    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
