package dk.skp.model.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.ext.mail.SMTPException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class MailErrorsTest {

    @Test
    void anSmtpRejectionIsDescribedByItsCodeNotByTheServersWordsWhichQuoteTheAddress() {
        SMTPException rejected = new SMTPException("sending failed",
                550, List.of("5.1.1 <jens.hansen@politi.example>: Recipient address rejected"), false);
        assertEquals("CompletionException <- SMTPException: reply 550 (permanent)",
                MailErrors.describe(new CompletionException(rejected)));
    }
}
