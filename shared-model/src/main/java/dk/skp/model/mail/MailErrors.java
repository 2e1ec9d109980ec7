package dk.skp.model.mail;

import io.vertx.ext.mail.SMTPException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Says why sending failed, for the log and the outbox's error column, without an address: SMTP servers quote the
 * recipient in their replies ("550 &lt;someone@example.org&gt;: unknown user"), so their text is left out and only the
 * reply code kept; of other failures only the class names, of a socket's the message (it names the SMTP server).
 */
public final class MailErrors {

    /** The longest description kept. */
    public static final int MAX_LENGTH = 500;

    private MailErrors() {
    }

    public static String describe(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 6; t = t.getCause()) {
            if (t instanceof CompletionException && t.getCause() != null) {
                continue; // the blocking mailer's wrapper says nothing
            }
            String part = t.getClass().getSimpleName();
            if (t instanceof SMTPException smtp) {
                part += ": reply " + smtp.getReplyCode() + (smtp.isPermanent() ? " (permanent)" : "");
            } else if (t instanceof SocketException || t instanceof UnknownHostException) {
                part += ": " + t.getMessage();
            } else if (t instanceof SQLException sql && sql.getSQLState() != null) {
                part += " (SQLSTATE " + sql.getSQLState() + ")";
            }
            chain.add(part);
        }
        String text = String.join(" <- ", chain);
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }
}
