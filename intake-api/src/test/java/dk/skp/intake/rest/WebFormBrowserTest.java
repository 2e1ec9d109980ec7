package dk.skp.intake.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The form in a real browser: runs src/test/browser/form.test.mjs (Playwright driving Debian's headless Chromium, with
 * axe-core) against this test's running service. Needs Node.js with npm and /usr/bin/chromium (or CHROMIUM_PATH);
 * .ci/run installs both. Screenshots land in target/browser-screenshots.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class WebFormBrowserTest {

    private static final Path SCRIPTS = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theFormWorksAndIsAccessibleInHeadlessChromiumWithAndWithoutJavaScript() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            fail("the browser test needs Chromium at " + chromium + ": apt-get install -y chromium (or set CHROMIUM_PATH)");
        }
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))
                || !Files.isDirectory(SCRIPTS.resolve("node_modules/axe-core"))) {
            assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300), "npm ci in " + SCRIPTS);
        }
        long before = IntakeDatabase.queued();
        long started = System.nanoTime();

        int exit = run(List.of("node", "form.test.mjs", base.toString(), SCREENSHOTS.toAbsolutePath().toString()), 300);

        System.out.printf("[browser] node form.test.mjs took %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertEquals(0, exit, "form.test.mjs failed; its output is above");
        assertEquals(before + 2, IntakeDatabase.queued(), "one concern sent with JavaScript, one without");
        assertTrue(Files.exists(SCREENSHOTS.resolve("2-receipt-da.png")));
    }

    /** Runs a command in src/test/browser, echoing its output, and returns its exit code. */
    private static int run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("cannot start " + command.get(0) + " (the browser test needs Node.js and npm): " + e.getMessage());
            return -1;
        }
        List<String> output = new ArrayList<>();
        Thread echo = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    System.out.println(line);
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        echo.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        echo.join(5000);
        return process.exitValue();
    }
}
