package dk.skp.staff;

import dk.skp.model.db.DatabaseSettings;
import dk.skp.model.db.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, on a free port with a data directory under target/, which the test may crash
 * and start again without disturbing the build's shared server on 5432 that every other test uses. It is the embedded
 * server of {@code bin/run} ({@link dk.skp.model.db.EmbeddedDatabase}, binaries from {@code io.zonky.test}), started as
 * a process from shared-model's runtime class path; as root inside a user namespace ({@code unshare -U}), as bin/run
 * does, because PostgreSQL refuses to run as root. Superuser {@code postgres}, trust authentication.
 * <p>
 * The embedded server runs with {@code synchronous_commit=off} (zonky's default), under which a crash may lose
 * transactions already reported as committed; {@link #useDurableCommits} turns it on for a test database, so that a
 * crash tests the services rather than that setting.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String READY = "embedded PostgreSQL ready";

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private Process process;
    private int starts;

    private PrivatePostgres(Path dataDirectory, Path log, int port) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.port = port;
    }

    /** Starts a new server with an empty data directory under {@code dir}. */
    public static PrivatePostgres start(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path data = dir.resolve("pgdata");
        if (Files.exists(data)) {
            try (Stream<Path> old = Files.walk(data)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.deleteIfExists(dir.resolve("postgres.log"));
        PrivatePostgres server = new PrivatePostgres(data.toAbsolutePath(), dir.resolve("postgres.log"), freePort());
        server.startAgain();
        return server;
    }

    /** The settings of this server: its port, superuser postgres, and the roles' usual names and passwords. */
    public DatabaseSettings settings() {
        return DatabaseSettings.from(Map.of("SKP_DB_HOST", "127.0.0.1", "SKP_DB_PORT", String.valueOf(port),
                "SKP_DB_ADMIN_USER", "postgres", "SKP_DB_ADMIN_PASSWORD", ""));
    }

    /** Commits are flushed before they are reported, in this database, as on a production server. */
    public void useDurableCommits(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(settings().jdbcUrl("postgres"), "postgres", "");
                var sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " SET synchronous_commit = on");
        }
    }

    /** Starts the server (again) on the same port and data; returns once it accepts connections. */
    public void startAgain() throws Exception {
        List<String> command = new ArrayList<>();
        if (EmbeddedDatabase.isRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", modelClasspath(),
                "dk.skp.model.db.EmbeddedDatabase", dataDirectory.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SKP_DB_PORT", String.valueOf(port));
        process = builder.start();
        starts++;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (readyLines() < starts) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the private PostgreSQL did not start; see " + log.toAbsolutePath());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Crashes the server as a power cut would, as far as its clients can tell: an immediate shutdown (SIGQUIT to the
     * postmaster), no checkpoint; the next start recovers from the write-ahead log.
     */
    public void crash() throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        // Nothing of the test JVM's own standard streams: they are the build's channel to this forked JVM.
        new ProcessBuilder("kill", "-QUIT", String.valueOf(postmaster)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor();
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
        stopWrapper();
    }

    private long readyLines() throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.startsWith(READY)).count();
        }
    }

    /** How often the server was started. */
    public int starts() {
        return starts;
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stopWrapper(); // SIGTERM: its shutdown hook stops the server (pg_ctl stop -m fast)
        }
    }

    private void stopWrapper() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** shared-model's classes and runtime class path (with the optional zonky dependency), as bin/run uses them. */
    private static String modelClasspath() throws IOException {
        Path target = Path.of(System.getProperty("skp.model.target", "../shared-model/target")).toAbsolutePath();
        Path classpath = target.resolve("runtime-classpath.txt");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(classpath + " is missing; run ./mvnw verify from the project root");
        }
        return Stream.of(target.resolve("classes").toString(), Files.readString(classpath).strip())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
