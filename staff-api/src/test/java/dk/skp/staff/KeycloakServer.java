package dk.skp.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The local Keycloak with the realm skp (docker/keycloak/skp-realm.json), started once per test JVM through
 * {@code bin/keycloak}, the one script that knows how to get and run it, and stopped as the JVM exits. It runs on a free
 * port with an in-memory database, so every start has the realm as committed: the demo users below, the confidential
 * client {@value #CLIENT_ID} for the code flow and the public client skp-cli for password-grant tokens.
 *
 * <p>The first start in a fresh {@code staff-api/target} fetches and unzips the distribution and builds Keycloak's server
 * image (1-2 minutes on 2 cores); later ones take about 25 s. Keycloak's output goes to
 * {@code staff-api/target/keycloak/keycloak-PORT.log}.
 */
public final class KeycloakServer {

    public static final String REALM = "skp";
    /** The confidential client staff-api signs staff in with. */
    public static final String CLIENT_ID = "skp-staff";
    public static final String CLIENT_SECRET = "skp-staff-local-development-secret-2026";
    /** The public client with password grant that {@link #token(String)} uses. */
    public static final String CLI_CLIENT_ID = "skp-cli";
    /** Every demo user's password. */
    public static final String PASSWORD = "skp-demo";

    /** The demo users' fixed ids: the {@code sub} of their tokens. kim is a coordinator. */
    public static final String KIM_ID = "c0000000-0000-4000-8000-000000000001";
    /** anna, a contact person (Anna Holm, anna.holm@skp.example). */
    public static final String ANNA_ID = "c0000000-0000-4000-8000-000000000002";
    /** bo, a contact person (Bo Madsen, bo.madsen@skp.example). */
    public static final String BO_ID = "c0000000-0000-4000-8000-000000000003";
    /** ada, an admin. */
    public static final String ADA_ID = "c0000000-0000-4000-8000-000000000004";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private static KeycloakServer shared;
    private static RuntimeException failedToStart;

    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** The one Keycloak of this JVM, started on first use (a start that failed is not tried again). */
    public static synchronized KeycloakServer shared() {
        if (failedToStart != null) {
            throw new IllegalStateException("Keycloak failed to start earlier in this JVM", failedToStart);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return shared;
    }

    /** {@code http://127.0.0.1:PORT/realms/skp}: the issuer of its tokens and the base of its discovery document. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    /** A fresh access token (valid 1 hour) for a demo user: kim, anna, bo or ada. */
    public String token(String username) {
        String form = Map.of("grant_type", "password", "client_id", CLI_CLIENT_ID, "username", username,
                "password", PASSWORD).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak gave no token for " + username + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return token.group(1);
    }

    private static KeycloakServer start() {
        Path root = repositoryRoot();
        Path dir = root.resolve("staff-api/target/keycloak");
        int port = freePort();
        int managementPort = freePort();
        Path log = dir.resolve("keycloak-" + port + ".log");
        Process process;
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(root.resolve("bin/keycloak").toString(), "run", "--port", String.valueOf(port),
                    "--management-port", String.valueOf(managementPort), "--dir", dir.toString())
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + root.resolve("bin/keycloak"), e);
        }
        KeycloakServer server = new KeycloakServer(port, process, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
        System.out.printf("[keycloak] starting on port %d through bin/keycloak (log: %s)%n", port, log);
        server.awaitReady();
        return server;
    }

    private void awaitReady() {
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long started = System.nanoTime();
        long nextReport = 10;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited (status " + process.exitValue() + ") during start-up; "
                        + lastLogLines());
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf("[keycloak] ready at %s after %d s%n", issuer(), secondsSince(started));
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            long waited = secondsSince(started);
            if (waited >= START_TIMEOUT.toSeconds()) {
                stop();
                throw new IllegalStateException("Keycloak did not answer " + discovery.uri() + " within "
                        + START_TIMEOUT.toSeconds() + " s; " + lastLogLines());
            }
            if (waited >= nextReport) {
                System.out.printf("[keycloak] still starting after %d s (the first start in a fresh target/ builds it)%n",
                        waited);
                nextReport += 10;
            }
            sleep(500);
        }
    }

    /** SIGTERM, and the whole process tree killed if it does not go: bin/keycloak becomes kc.sh, which runs the JVM. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private String lastLogLines() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "the last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                    lines.size()));
        } catch (IOException e) {
            return "its log " + log + " could not be read: " + e;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + request.uri() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The directory above the module that holds bin/keycloak and the realm, wherever the JVM was started in it. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("bin/keycloak")) && Files.exists(dir.resolve("docker/keycloak/skp-realm.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no bin/keycloak in " + Path.of("").toAbsolutePath() + " or above it");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long secondsSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanoTime);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
