package dk.skp.intake.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the configured proof of work costs a script: it solves challenges of the production difficulty on one core,
 * the way a script would (SHA-256 of salt + n until it matches), and prints the median. The difficulty must stay where
 * a submission costs real CPU; the figure in the README comes from here.
 */
class ProofOfWorkCostTest {

    /** Below this a script pays next to nothing per submission (see README, "Spam protection: the figures"). */
    private static final long MIN_MAX_NUMBER = 1_000_000;
    private static final int CHALLENGES = 5;

    @Test
    void theProductionDifficultyCostsAScriptRealCpuPerSubmission() throws Exception {
        long maxNumber = productionMaxNumber();
        assertTrue(maxNumber >= MIN_MAX_NUMBER, "skp.intake.protection.max-number is " + maxNumber
                + ": a script would solve it for next to nothing");

        SecureRandom random = new SecureRandom();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        HexFormat hex = HexFormat.of();
        solve(sha256, "warm-up?expires=1&", 20_000); // let the JIT compile the loop first
        List<Double> seconds = new ArrayList<>();
        long hashes = 0;
        long allStarted = System.nanoTime();
        for (int i = 0; i < CHALLENGES; i++) {
            byte[] saltBytes = new byte[12];
            random.nextBytes(saltBytes);
            String salt = hex.formatHex(saltBytes) + "?expires=1795432800&";
            long secret = random.nextLong(maxNumber + 1);
            byte[] challenge = sha256.digest((salt + secret).getBytes(StandardCharsets.UTF_8));
            long started = System.nanoTime();
            long found = solve(sha256, salt, maxNumber, challenge);
            seconds.add((System.nanoTime() - started) / 1e9);
            assertEquals(secret, found);
            hashes += found + 1;
        }
        double rate = hashes / ((System.nanoTime() - allStarted) / 1e9);
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("proof of work at max-number %,d on one core of this machine: median %.2f s per challenge "
                + "(%s s), %,.0f hashes/s, so %.2f s on average%n", maxNumber, sorted[sorted.length / 2],
                Arrays.toString(Arrays.stream(sorted).map(s -> Math.round(s * 100) / 100.0).toArray()), rate,
                maxNumber / 2.0 / rate);
    }

    private static long solve(MessageDigest sha256, String salt, long maxNumber, byte[] challenge) {
        for (long n = 0; n <= maxNumber; n++) {
            if (MessageDigest.isEqual(sha256.digest((salt + n).getBytes(StandardCharsets.UTF_8)), challenge)) {
                return n;
            }
        }
        return -1;
    }

    private static void solve(MessageDigest sha256, String salt, long count) {
        for (long n = 0; n < count; n++) {
            sha256.digest((salt + n).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The value production runs with: application.properties without the test profile's. */
    private static long productionMaxNumber() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ProofOfWorkCostTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return Long.parseLong(properties.getProperty("skp.intake.protection.max-number").strip());
    }
}
