package dk.skp.intake.mail;

import dk.skp.intake.web.TeamContact;
import dk.skp.intake.web.TeamContacts;
import dk.skp.model.mail.OutboxMail;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Writes the mails from the templates in {@code templates/mail/}: one file per mail and language, with the subject
 * as a fragment of it. The templates get the reference, the urgency flag and the team's published contact data, never
 * anything the reporter wrote,
 * so a mail cannot leak the concern however a template is edited.
 */
@ApplicationScoped
public class MailComposer {

    private final Optional<String> staffLinkBase;
    private final TeamContacts teams;

    /** The team's name, phone and hours are the municipality's published contact data, not the reporter's: fine in a mail. */
    public MailComposer(MailConfig config, TeamContacts teams) {
        this.teams = teams;
        this.staffLinkBase = config.staffLinkBase().map(String::strip).filter(base -> !base.isEmpty())
                .map(base -> base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance receiptDa(String reference, TeamContact team);

        static native TemplateInstance receiptDa$subject(String reference);

        static native TemplateInstance receiptEn(String reference, TeamContact team);

        static native TemplateInstance receiptEn$subject(String reference);

        static native TemplateInstance teamAlertDa(String reference, boolean acuteDanger, String link);

        static native TemplateInstance teamAlertDa$subject(String reference, boolean acuteDanger);

        static native TemplateInstance teamAlertEn(String reference, boolean acuteDanger, String link);

        static native TemplateInstance teamAlertEn$subject(String reference, boolean acuteDanger);
    }

    public Mail compose(OutboxMail mail) {
        boolean english = "en".equals(mail.content().get(SubmissionMails.LANGUAGE));
        boolean acuteDanger = Boolean.TRUE.equals(mail.content().get(SubmissionMails.ACUTE_DANGER));
        String reference = mail.reference();
        TemplateInstance subject;
        TemplateInstance body;
        switch (MailKind.valueOf(mail.kind())) {
            case RECEIPT -> {
                subject = english ? Templates.receiptEn$subject(reference) : Templates.receiptDa$subject(reference);
                body = english ? Templates.receiptEn(reference, teams.in("en")) : Templates.receiptDa(reference, teams.in("da"));
            }
            case TEAM_ALERT -> {
                String link = staffLinkBase.map(base -> base + "/concerns?reference=" + reference).orElse(null);
                subject = english ? Templates.teamAlertEn$subject(reference, acuteDanger)
                        : Templates.teamAlertDa$subject(reference, acuteDanger);
                body = english ? Templates.teamAlertEn(reference, acuteDanger, link)
                        : Templates.teamAlertDa(reference, acuteDanger, link);
            }
            default -> throw new IllegalArgumentException("no template for " + mail.kind());
        }
        return Mail.withText(mail.recipient(), subject.render().strip(), body.render())
                // RFC 3834: out-of-office and other auto-replies should not answer a machine.
                .addHeader("Auto-Submitted", "auto-generated");
    }
}
