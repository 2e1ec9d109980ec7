package dk.skp.model.mail;

import dk.skp.model.problem.Failures;
import io.vertx.ext.mail.SMTPException;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Says why sending failed, for the log and the outbox's error column, without an address: SMTP servers quote the
 * recipient in their replies ("550 &lt;someone@example.org&gt;: unknown user"), so their text is left out and only the
 * reply code kept; of a socket's failure the message (it names the SMTP server); else what {@link Failures} says.
 */
public final class MailErrors {

    /** The longest description kept. */
    public static final int MAX_LENGTH = 500;

    private MailErrors() {
    }

    public static String describe(Throwable failure) {
        String text = Failures.describe(failure, MailErrors::detail);
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }

    private static String detail(Throwable t) {
        if (t instanceof SMTPException smtp) {
            return ": reply " + smtp.getReplyCode() + (smtp.isPermanent() ? " (permanent)" : "");
        }
        if (t instanceof SocketException || t instanceof UnknownHostException) {
            return ": " + t.getMessage();
        }
        return null;
    }
}
