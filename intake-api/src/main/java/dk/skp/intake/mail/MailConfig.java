package dk.skp.intake.mail;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** Mail from intake: receipts to reporters, alerts to the team. SMTP itself is configured with quarkus.mailer.*. */
@ConfigMapping(prefix = "skp.intake.mail")
public interface MailConfig {

    /** The team's inbox for alerts about urgent concerns; without one, no alerts are sent. */
    Optional<String> teamInbox();

    /** Language of the team's alerts: da or en. */
    String teamLanguage();

    /** Where staff open a concern, e.g. https://skp.kommune.dk; alerts then link to {@code <base>/concerns?reference=...}. */
    Optional<String> staffLinkBase();

    Outbox outbox();

    interface Outbox {
        /** How often the sender looks for due mails (a scheduler interval such as 5s). */
        String sendInterval();

        /** Mails claimed per round. */
        int batchSize();

        /** Failed attempts after which a mail is given up and its address erased. */
        int maxAttempts();

        /** Delay after the first failure; it doubles with every further failure. */
        Duration firstBackoff();

        Duration maxBackoff();

        /**
         * How long a claimed mail is hidden from other senders. Must outlast a round (batch-size times
         * quarkus.mailer.timeout), or a slow round could be sent twice; a sender that dies mid-round is covered by it.
         */
        Duration claimLease();
    }
}
