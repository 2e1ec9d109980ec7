import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steady load of bin/failover: submits concerns to intake at a fixed rate from a few workers until a stop file
 * appears (or a time limit passes), and writes one line per request to the log:
 *
 * <pre>
 * start_ms end_ms outcome reference
 * </pre>
 *
 * start and end are milliseconds since the epoch; outcome is the HTTP status, or {@code conn} (no connection),
 * {@code timeout} or {@code io} (the connection broke before an answer); reference is the one a 202 answered with, else
 * {@code -}. Run as a single-file program: {@code java tools/failover/SubmitLoad.java URL BODY_FILE RATE WORKERS
 * STOP_FILE LOG MAX_SECONDS}.
 */
public final class SubmitLoad {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    private record Outcome(long start, long end, String outcome, String reference) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: SubmitLoad URL BODY_FILE RATE WORKERS STOP_FILE LOG MAX_SECONDS");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        String body = Files.readString(Path.of(args[1]));
        double rate = Double.parseDouble(args[2]);
        int workers = Integer.parseInt(args[3]);
        Path stop = Path.of(args[4]);
        Path log = Path.of(args[5]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[6]) * 1000;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        // One schedule for all workers: request n is due at start + n / rate, taken by whichever worker is free.
        long begin = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                while (!Files.exists(stop) && System.currentTimeMillis() < deadline) {
                    long due = begin + next.getAndIncrement() * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    outcomes.add(submit(client, uri, body));
                }
            }, "submit-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Outcome> all = new ArrayList<>(outcomes);
        all.sort((a, b) -> Long.compare(a.start(), b.start()));
        try (BufferedWriter out = Files.newBufferedWriter(log)) {
            for (Outcome o : all) {
                out.write(o.start() + " " + o.end() + " " + o.outcome() + " " + o.reference() + "\n");
            }
        }
        long accepted = all.stream().filter(o -> o.outcome().equals("202")).count();
        System.out.printf("%d submissions, %d answered 202%n", all.size(), accepted);
    }

    private static Outcome submit(HttpClient client, URI uri, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.currentTimeMillis();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String reference = "-";
            if (response.statusCode() == 202) {
                Matcher m = REFERENCE.matcher(response.body());
                reference = m.find() ? m.group(1) : "?";
            }
            return new Outcome(start, System.currentTimeMillis(), String.valueOf(response.statusCode()), reference);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(start, System.currentTimeMillis(), "timeout", "-");
        } catch (java.net.ConnectException e) {
            return new Outcome(start, System.currentTimeMillis(), "conn", "-");
        } catch (IOException e) {
            return new Outcome(start, System.currentTimeMillis(), "io", "-");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(start, System.currentTimeMillis(), "io", "-");
        }
    }
}
