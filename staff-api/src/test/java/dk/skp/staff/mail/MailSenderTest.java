package dk.skp.staff.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MailSenderTest {

    @Test
    void anErrorIsDescribedWithoutTheAddressesSmtpServersLikeToQuote() {
        RuntimeException refused = new RuntimeException("wrapped",
                new IllegalStateException("550 5.1.1 <kontakt.person@example-kommune.dk>: Recipient address rejected"));
        assertEquals("RuntimeException: wrapped <- IllegalStateException: 550 5.1.1 <<address>>: Recipient address rejected",
                MailSender.describe(refused));
    }

    @Test
    void aLongErrorIsCut() {
        assertEquals(500, MailSender.describe(new IllegalStateException("x".repeat(2000))).length());
    }
}
