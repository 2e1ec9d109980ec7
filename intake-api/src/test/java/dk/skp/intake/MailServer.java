package dk.skp.intake;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) on a free local port for the service under test, with the team inbox and the staff
 * link configured. It can be stopped and started again on the same port, to make an SMTP outage.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    public static final String TEAM_INBOX = "skp-team@kommune.test";
    public static final String STAFF_LINK_BASE = "https://skp.kommune.test/";

    private static GreenMail greenMail;
    private static int port;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        port = greenMail.getSmtp().getPort();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "skp.intake.mail.team-inbox", TEAM_INBOX, "skp.intake.mail.staff-link-base", STAFF_LINK_BASE);
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Nothing listens on the port any more: connections are refused. */
    public static void goDown() {
        greenMail.stop();
    }

    /** Back on the same port, with an empty mail store. */
    public static void comeBack() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public static List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Waits for a mail to {@code recipient} whose subject contains {@code subjectPart}. */
    public static MimeMessage awaitMail(String recipient, String subjectPart, Duration timeout) throws InterruptedException {
        Predicate<MimeMessage> wanted = m -> recipients(m).contains(recipient) && subject(m).contains(subjectPart);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<MimeMessage> found = received().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + recipient + " about " + subjectPart + " within " + timeout);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of all text parts, as the recipient reads it. */
    public static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                all.append(text(part.getContent())).append('\n');
            }
            return all.toString();
        }
        return "";
    }

    /** Headers and body as they travelled, before any decoding. */
    public static String raw(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message);
    }
}
