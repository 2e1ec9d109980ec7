package dk.skp.staff;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port, which the service's mailer is pointed at. Tests may
 * stop it to play an outage and start it again on the same port.
 */
public class GreenMailServer implements QuarkusTestResourceLifecycleManager {

    public static final String COORDINATORS_INBOX = "koordinatorer@example-kommune.dk";

    private static GreenMail server;
    private static int port;
    /** The stores of the servers stopped by outages (GreenMail's stop gives the server a new, empty one). */
    private static final List<Managers> beforeOutages = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        beforeOutages.clear();
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        port = server.getSmtp().getPort();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "skp.staff.mail.coordinators-inbox", COORDINATORS_INBOX);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static GreenMail server() {
        return server;
    }

    /** The port the server listens on, and after an outage listens on again. */
    public static int port() {
        return port;
    }

    /** Every message received since {@link #start()}, across outages. */
    public static List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>();
        beforeOutages.forEach(stopped -> stopped.getImapHostManager().getAllMessages()
                .forEach(message -> all.add(message.getMimeMessage())));
        all.addAll(List.of(server.getReceivedMessages()));
        return all;
    }

    /** Takes the SMTP server away, as an outage would. */
    public static void outage() {
        // What it received stays in its store, which its stop replaces by an empty one: kept, it can still be counted.
        beforeOutages.add(server.getManagers());
        server.stop();
    }

    /** Brings it back on the port the service knows. */
    public static void recover() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        awaitGreeting();
    }

    /** On a busy machine the restarted server may not answer at once; a real outage ends when it greets again. */
    private static void awaitGreeting() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(2_000);
                String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                if (greeting != null && greeting.startsWith("220")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GreenMail did not greet on port " + port + " within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
