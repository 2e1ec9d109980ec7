package dk.skp.model.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A browser test written for Node.js (Playwright driving Debian's headless Chromium, with axe-core), run from a JUnit
 * test: installs its npm packages when they are missing, runs it, echoes its output. Needs Node.js with npm and
 * /usr/bin/chromium (or CHROMIUM_PATH); bin/test installs both.
 */
public final class BrowserScript {

    private final Path directory;

    public BrowserScript(Path directory) {
        this.directory = directory;
    }

    /** Fails the test at once, with what to install, when Chromium is missing. */
    public BrowserScript requireChromium() {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            fail("the browser test needs Chromium at " + chromium + ": run bin/test, or apt-get install -y chromium (or set CHROMIUM_PATH)");
        }
        return this;
    }

    /** npm ci when playwright-core or axe-core is not installed yet. */
    public BrowserScript installed() throws IOException, InterruptedException {
        if (!Files.isDirectory(directory.resolve("node_modules/playwright-core"))
                || !Files.isDirectory(directory.resolve("node_modules/axe-core"))) {
            assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300), "npm ci in " + directory);
        }
        return this;
    }

    /** Runs a command in the script's directory, echoing its output, and returns its exit code. */
    public int run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
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
