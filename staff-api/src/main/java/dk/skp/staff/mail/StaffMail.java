package dk.skp.staff.mail;

import dk.skp.model.mail.MailOutbox;
import dk.skp.model.mail.NewMail;
import dk.skp.model.mail.OutboxSettings;
import dk.skp.model.problem.Languages;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.staff.config.StaffConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The mails staff sends, in Danish or English, written to staff's outbox ({@code staff.mail_outbox}, the shared
 * {@link MailOutbox}) with their subject and body. Each carries a concern's reference and a link to it in the staff
 * client, and nothing else of the concern: mail passes through servers and inboxes the municipality does not control,
 * so whoever needs more signs in. Mails are written to the outbox in the caller's transaction and sent by
 * {@link MailSender} after commit: a change that rolls back sends nothing, and an SMTP outage delays mail but never
 * the team's work.
 */
@ApplicationScoped
public class StaffMail {

    private static final Logger LOG = Logger.getLogger(StaffMail.class);
    /** A plain address, no display name: the recipient is a staff member's or the team's work address. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+");

    public static final String ASSIGNMENT = "ASSIGNMENT";
    public static final String OVERDUE_DIGEST = "OVERDUE_DIGEST";
    public static final String REPORTER_QUESTION = "REPORTER_QUESTION";
    public static final String REPORTER_ANSWERED = "REPORTER_ANSWERED";

    /** Templates in templates/StaffMail/: the first line is the subject, then an empty line, then the body. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance assignment_da(String reference, String link);

        static native TemplateInstance assignment_en(String reference, String link);

        static native TemplateInstance overdue_da(List<DigestLine> lines);

        static native TemplateInstance overdue_en(List<DigestLine> lines);

        static native TemplateInstance reporterQuestion_da(String reference, String statusPage, TeamContact team);

        static native TemplateInstance reporterQuestion_en(String reference, String statusPage, TeamContact team);

        static native TemplateInstance reporterAnswered_da(String reference, String link);

        static native TemplateInstance reporterAnswered_en(String reference, String link);
    }

    /** What a template sees of an overdue concern. */
    public record DigestLine(String reference, String link, OverdueConcern.Deadline missed) {
    }

    static final String SUBJECT = "subject";
    static final String BODY = "body";

    private final Clock clock;
    private final StaffConfig.Mail config;
    private final Locale language;
    private final AgroalDataSource dataSource;
    private final MailOutbox outbox;

    public StaffMail(Clock clock, StaffConfig config, AgroalDataSource dataSource) {
        this.clock = clock;
        this.config = config.mail();
        this.dataSource = dataSource;
        this.outbox = new MailOutbox("staff.mail_outbox", List.of(SUBJECT, BODY), OutboxSettings.of(config.mail()));
        String code = config.mail().language().strip();
        if (!code.equals("da") && !code.equals("en")) {
            throw new IllegalArgumentException("skp.staff.mail.language must be da or en, not " + code);
        }
        this.language = Languages.of(code);
    }

    /** Staff's outbox, for {@link MailSender}. */
    MailOutbox outbox() {
        return outbox;
    }

    /** The language staff mails are written in ({@code skp.staff.mail.language}). */
    public Locale language() {
        return language;
    }

    /**
     * Tells a contact person that a concern was assigned to them.
     *
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignmentNotice(String toAddress, String reference, UUID concernId, Locale locale) {
        String checkedReference = reference(reference);
        TemplateInstance mail = english(locale)
                ? Templates.assignment_en(checkedReference, link(concernId))
                : Templates.assignment_da(checkedReference, link(concernId));
        enqueue(ASSIGNMENT, checkedReference, address(toAddress), mail);
    }

    /**
     * Tells the coordinators' inbox which concerns are past a deadline. Sends nothing when the list is empty or no
     * inbox is configured ({@code skp.staff.mail.coordinators-inbox}).
     *
     * @return whether a mail was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean overdueDigest(List<OverdueConcern> overdue, Locale locale) {
        if (overdue.isEmpty()) {
            return false;
        }
        if (config.coordinatorsInbox().isEmpty()) {
            LOG.warnf("%d concerns are overdue, but no digest goes out: skp.staff.mail.coordinators-inbox is not set",
                    overdue.size());
            return false;
        }
        List<DigestLine> lines = overdue.stream()
                .map(o -> new DigestLine(reference(o.reference()), link(o.concernId()), o.missed()))
                .toList();
        TemplateInstance mail = english(locale) ? Templates.overdue_en(lines) : Templates.overdue_da(lines);
        enqueue(OVERDUE_DIGEST, null, address(config.coordinatorsInbox().get()), mail);
        return true;
    }

    /**
     * How a reporter without a passcode (or who lost it) reaches the team about a question: the team's name and phone,
     * from the municipality's profile (the phone may be unset: then the mail names the team only).
     */
    public record TeamContact(String name, String phone) {
    }

    /**
     * Tells a reporter who left an e-mail address that the team has a question. The reference and where to look, and
     * nothing else: not the question (a mailbox may be shared or read by others), nor anything of the concern.
     *
     * @param team how to reach the team, where known; null leaves it out
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reporterQuestion(String toAddress, String reference, Locale locale, TeamContact team) {
        String checkedReference = reference(reference);
        String statusPage = config.reporterStatusPage();
        TemplateInstance mail = english(locale)
                ? Templates.reporterQuestion_en(checkedReference, statusPage, team)
                : Templates.reporterQuestion_da(checkedReference, statusPage, team);
        enqueue(REPORTER_QUESTION, checkedReference, address(toAddress), mail);
    }

    /**
     * Tells the team (the contact person holding the concern, or the coordinators' inbox) that a reporter answered.
     * Reference and link only: the answer is read in the client, where reading it is audited.
     *
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reporterAnswered(String toAddress, String reference, UUID concernId, Locale locale) {
        String checkedReference = reference(reference);
        TemplateInstance mail = english(locale)
                ? Templates.reporterAnswered_en(checkedReference, link(concernId))
                : Templates.reporterAnswered_da(checkedReference, link(concernId));
        enqueue(REPORTER_ANSWERED, checkedReference, address(toAddress), mail);
    }

    /** The coordinators' shared inbox, if one is configured. */
    public Optional<String> coordinatorsInbox() {
        return config.coordinatorsInbox();
    }

    private void enqueue(String kind, String reference, String recipient, TemplateInstance template) {
        String rendered = template.render().replace("\r\n", "\n").stripLeading();
        int end = rendered.indexOf('\n');
        if (end <= 0) {
            throw new IllegalStateException("a mail template must start with its subject line");
        }
        Map<String, Object> content = Map.of(SUBJECT, rendered.substring(0, end).strip(), BODY,
                rendered.substring(end + 1).stripLeading());
        // Inside the caller's transaction the pool hands out the connection Hibernate uses: one commit for both.
        try (Connection connection = dataSource.getConnection()) {
            outbox.enqueue(connection, List.of(new NewMail(kind, reference, recipient, content)), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the mail to the outbox", e);
        }
    }

    /** The link a mail carries: the staff client's page of the concern, where sign-in is required. */
    String link(UUID concernId) {
        if (concernId == null) {
            throw new IllegalArgumentException("a concern id is required");
        }
        String base = config.linkBase();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + concernId;
    }

    /** Only a canonical reference: so that nothing else, let alone a name, can find its way into a mail. */
    private static String reference(String reference) {
        if (!ReferenceNumber.isWellFormed(reference)) {
            throw new IllegalArgumentException("not a concern reference in canonical form (SKP-XXXX-XXXX)");
        }
        return reference;
    }

    private static String address(String address) {
        if (address == null || !ADDRESS.matcher(address.strip()).matches()) {
            throw new IllegalArgumentException("not a plain e-mail address");
        }
        return address.strip();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
