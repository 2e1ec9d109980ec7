package dk.skp.intake.mail;

import dk.skp.model.logging.LogFields;
import dk.skp.intake.config.IntakeConfig;
import dk.skp.intake.service.Pseudonyms;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Reporter;
import dk.skp.model.mail.MailOutbox;
import dk.skp.model.mail.NewMail;
import dk.skp.model.mail.OutboxSettings;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Urgency;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Which mails a submission promises, written to intake's outbox ({@code intake.mail_outbox}, the shared
 * {@link MailOutbox}) in the submission's transaction, and sent by {@link MailDelivery}. Several intake instances
 * may share it.
 */
@ApplicationScoped
public class SubmissionMails {

    private static final Logger LOG = Logger.getLogger(SubmissionMails.class);
    static final String LANGUAGE = "language";
    static final String ACUTE_DANGER = "acute_danger";

    private final AgroalDataSource dataSource;
    private final MailConfig config;
    private final Optional<String> teamInbox;
    private final Pseudonyms pseudonyms;
    private final IntakeConfig intakeConfig;
    private final Clock clock;

    private final MailOutbox outbox;

    public SubmissionMails(AgroalDataSource dataSource, MailConfig config, Pseudonyms pseudonyms,
            IntakeConfig intakeConfig, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.pseudonyms = pseudonyms;
        this.intakeConfig = intakeConfig;
        this.clock = clock;
        this.teamInbox = config.teamInbox().map(String::strip).filter(SubmissionMails::isUsableAddress);
        this.outbox = new MailOutbox("intake.mail_outbox", List.of(LANGUAGE, ACUTE_DANGER),
                OutboxSettings.of(config.outbox()));
    }

    /** Intake's outbox, for {@link MailDelivery}. */
    MailOutbox outbox() {
        return outbox;
    }

    void checkTeamInbox(@Observes StartupEvent startup) {
        if (config.teamInbox().isEmpty()) {
            LOG.warn("skp.intake.mail.team-inbox (SKP_INTAKE_MAIL_TEAM_INBOX) is not set: the team gets no alert mail "
                    + "about urgent concerns");
        } else if (teamInbox.isEmpty()) {
            LOG.warn("skp.intake.mail.team-inbox (SKP_INTAKE_MAIL_TEAM_INBOX) is not a usable address: the team gets "
                    + "no alert mail about urgent concerns");
        }
    }

    /**
     * Promises the mails an accepted concern calls for: a receipt when the reporter gave an address and is not
     * anonymous and has not had its day's receipts already, and an alert to the team when the concern is urgent.
     * Only in the caller's transaction, so that the mails exist exactly when the concern does.
     *
     * @param locale the language the reporter is answered in
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAfterSubmission(ConcernReport report, String reference, Locale locale) throws SQLException {
        Optional<String> reporterAddress = receiptAddress(report.reporter());
        boolean alert = isUrgent(report) && teamInbox.isPresent();
        if (reporterAddress.isEmpty() && !alert) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (reporterAddress.isPresent() && !countReceipt(connection, reporterAddress.get())) {
                // Without the address: it is personal data, and the reference is enough to find the concern.
                LogFields.infof(LOG, reference, "no receipt for concern %s: its address has had %d receipts today already",
                        reference,
                        intakeConfig.limits().receiptsPerAddressPerDay());
                reporterAddress = Optional.empty();
                if (!alert) {
                    return;
                }
            }
        }
        List<NewMail> mails = new ArrayList<>(2);
        reporterAddress.ifPresent(address -> mails.add(new NewMail(MailKind.RECEIPT.name(), reference, address,
                content(language(locale), report.acuteDanger()))));
        if (alert) {
            mails.add(new NewMail(MailKind.TEAM_ALERT.name(), reference, teamInbox.get(),
                    content(language(Locale.forLanguageTag(config.teamLanguage())), report.acuteDanger())));
        }
        try (Connection connection = dataSource.getConnection()) {
            outbox.enqueue(connection, mails, clock.instant());
        }
    }

    /**
     * Counts a receipt to {@code address} today, under the address's pseudonym: anyone can type a stranger's address
     * into the form, and the cap keeps the form from becoming a way to flood that inbox.
     *
     * @return whether the receipt is within the day's cap
     */
    private boolean countReceipt(Connection connection, String address) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO intake.receipt_count AS c (address_hmac, day, receipts) VALUES (?, ?, 1)
                ON CONFLICT (address_hmac, day) DO UPDATE SET receipts = c.receipts + 1
                RETURNING receipts""")) {
            upsert.setString(1, pseudonyms.of("receipt", address.strip().toLowerCase(Locale.ROOT)));
            upsert.setObject(2, LocalDate.now(clock));
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getInt(1) <= intakeConfig.limits().receiptsPerAddressPerDay();
            }
        }
    }

    /** Forgets the receipt counts of days that are over; called by housekeeping. */
    public int deleteEndedReceiptCounts() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM intake.receipt_count WHERE day < ?")) {
            delete.setObject(1, LocalDate.now(clock));
            return delete.executeUpdate();
        }
    }

    /**
     * Forgets the mails given up before {@code cutoff}; called by housekeeping with the profile's erase-after. A given-up
     * mail keeps no address, only what an operator needs (kind, reference, language, error), and nothing about a
     * concern is kept longer than staff keeps the concern's personal data.
     */
    public int deleteGivenUpBefore(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return outbox.deleteGivenUpBefore(connection, cutoff);
        }
    }

    /** A receipt goes only to a reporter who gave an address and did not choose to stay anonymous. */
    static Optional<String> receiptAddress(Reporter reporter) {
        if (reporter == null || reporter.anonymity() == Anonymity.ANONYMOUS || reporter.email() == null
                || reporter.email().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(reporter.email().strip()).filter(SubmissionMails::isUsableAddress);
    }

    static boolean isUrgent(ConcernReport report) {
        return report.acuteDanger() || report.urgency() == Urgency.URGENT;
    }

    /**
     * Whether the mailer will accept the address. Validation at intake and the mailer's parser disagree on rare
     * addresses, and the mailer logs the ones it refuses in full; such an address is better never queued.
     */
    private static boolean isUsableAddress(String address) {
        if (address.isBlank()) {
            return false;
        }
        try {
            new EmailAddress(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "da";
    }

    /** The content of intake's mails in the outbox: the composer writes them from these at send time. */
    public static Map<String, Object> content(String language, boolean acuteDanger) {
        return Map.of(LANGUAGE, language, ACUTE_DANGER, acuteDanger);
    }
}
