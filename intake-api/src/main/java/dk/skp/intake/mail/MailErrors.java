package dk.skp.intake.mail;

import io.vertx.ext.mail.SMTPException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Says why sending failed, for the log and the outbox's error column, without an address: SMTP servers quote the
 * recipient in their replies ("550 <someone@example.org>: unknown user"), so their text is left out and only the
 * reply code kept.
 */
final class MailErrors {

    private MailErrors() {
    }

    static String describe(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 6; t = t.getCause()) {
            if (t instanceof CompletionException && t.getCause() != null) {
                continue; // the blocking mailer's wrapper says nothing
            }
            String part = t.getClass().getSimpleName();
            if (t instanceof SMTPException smtp) {
                part += ": reply " + smtp.getReplyCode() + (smtp.isPermanent() ? " (permanent)" : "");
            } else if (t instanceof SocketException || t instanceof UnknownHostException) {
                part += ": " + t.getMessage(); // names the SMTP server, not a recipient
            } else if (t instanceof SQLException sql && sql.getSQLState() != null) {
                part += " (SQLSTATE " + sql.getSQLState() + ")";
            }
            chain.add(part);
        }
        return String.join(" <- ", chain);
    }
}
