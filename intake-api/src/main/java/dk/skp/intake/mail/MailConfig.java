package dk.skp.intake.mail;

import dk.skp.model.mail.OutboxConfig;
import io.smallrye.config.ConfigMapping;
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

    /** The outbox's settings (dk.skp.model.mail.OutboxConfig), under skp.intake.mail.outbox. */
    interface Outbox extends OutboxConfig {
    }
}
