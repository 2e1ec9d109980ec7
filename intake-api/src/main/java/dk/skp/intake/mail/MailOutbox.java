package dk.skp.intake.mail;

import dk.skp.model.logging.LogFields;
import dk.skp.intake.config.IntakeConfig;
import dk.skp.intake.service.Pseudonyms;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Reporter;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.Urgency;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The mail outbox in intake's schema: which mails a submission promises, written in the submission's transaction,
 * and the claims and outcomes of {@link OutboxSender}. Several intake instances may share it.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final AgroalDataSource dataSource;
    private final MailConfig config;
    private final Optional<String> teamInbox;
    private final Pseudonyms pseudonyms;
    private final IntakeConfig intakeConfig;
    private final Clock clock;

    public MailOutbox(AgroalDataSource dataSource, MailConfig config, Pseudonyms pseudonyms, IntakeConfig intakeConfig,
            Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.pseudonyms = pseudonyms;
        this.intakeConfig = intakeConfig;
        this.clock = clock;
        this.teamInbox = config.teamInbox().map(String::strip).filter(MailOutbox::isUsableAddress);
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO intake.mail_outbox (kind, reference, language, recipient, acute_danger)
                        VALUES (?, ?, ?, ?, ?)""")) {
            if (reporterAddress.isPresent()) {
                add(insert, MailKind.RECEIPT, reference, language(locale), reporterAddress.get(), report.acuteDanger());
            }
            if (alert) {
                add(insert, MailKind.TEAM_ALERT, reference, language(Locale.forLanguageTag(config.teamLanguage())),
                        teamInbox.get(), report.acuteDanger());
            }
            insert.executeBatch();
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM intake.mail_outbox WHERE failed_at < ?")) {
            delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            return delete.executeUpdate();
        }
    }

    /** A receipt goes only to a reporter who gave an address and did not choose to stay anonymous. */
    static Optional<String> receiptAddress(Reporter reporter) {
        if (reporter == null || reporter.anonymity() == Anonymity.ANONYMOUS || reporter.email() == null
                || reporter.email().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(reporter.email().strip()).filter(MailOutbox::isUsableAddress);
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

    private static void add(PreparedStatement insert, MailKind kind, String reference, String language, String recipient,
            boolean acuteDanger) throws SQLException {
        insert.setString(1, kind.name());
        insert.setString(2, reference);
        insert.setString(3, language);
        insert.setString(4, recipient);
        insert.setBoolean(5, acuteDanger);
        insert.addBatch();
    }

    /*
     * The sender's side. Each call is one statement in its own (auto-commit) transaction: a claim hides the mails
     * from other senders for the lease, so no lock or connection is held while SMTP is slow.
     */

    /** Claims up to {@code limit} due mails, oldest first; rows another sender is claiming right now are skipped. */
    public List<OutboxMail> claimDue(int limit, Duration lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("""
                        UPDATE intake.mail_outbox SET available_at = now() + make_interval(secs => ?)
                         WHERE id IN (SELECT id FROM intake.mail_outbox
                                       WHERE failed_at IS NULL AND available_at <= now()
                                       ORDER BY available_at
                                       LIMIT ?
                                         FOR UPDATE SKIP LOCKED)
                        RETURNING id, kind, reference, language, recipient, acute_danger, attempts""")) {
            claim.setDouble(1, lease.toMillis() / 1000.0);
            claim.setInt(2, limit);
            List<OutboxMail> claimed = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new OutboxMail(rows.getLong(1), MailKind.valueOf(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getBoolean(6), rows.getInt(7)));
                }
            }
            claimed.sort(Comparator.comparingLong(OutboxMail::id));
            return claimed;
        }
    }

    /** A sent mail leaves no trace: with the row goes the address. */
    public void sent(OutboxMail mail) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM intake.mail_outbox WHERE id = ?")) {
            delete.setLong(1, mail.id());
            delete.executeUpdate();
        }
    }

    /**
     * Records a failed attempt: the mail comes back after {@code retryAfter}, or, when {@code giveUp}, is parked
     * for an operator with its address erased.
     *
     * @param error why, in words that contain no address and nothing of the concern
     */
    public void failed(OutboxMail mail, String error, Duration retryAfter, boolean giveUp) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE intake.mail_outbox
                           SET attempts = attempts + 1, last_attempt_at = now(), last_error = ?,
                               available_at = now() + make_interval(secs => ?),
                               failed_at = CASE WHEN ? THEN now() END,
                               recipient = CASE WHEN ? THEN NULL ELSE recipient END
                         WHERE id = ?""")) {
            update.setString(1, error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH));
            update.setDouble(2, retryAfter.toMillis() / 1000.0);
            update.setBoolean(3, giveUp);
            update.setBoolean(4, giveUp);
            update.setLong(5, mail.id());
            update.executeUpdate();
        }
    }

    /** Hands claimed mails that were not tried back for the next round, without counting an attempt. */
    public void release(Collection<OutboxMail> mails) throws SQLException {
        if (mails.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE intake.mail_outbox SET available_at = now() WHERE id = ANY (?) AND failed_at IS NULL")) {
            Array ids = connection.createArrayOf("bigint", mails.stream().map(OutboxMail::id).toArray());
            update.setArray(1, ids);
            update.executeUpdate();
        }
    }

    /** Pending and given-up mails, for the metrics. */
    public Counts counts() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT count(*) FILTER (WHERE failed_at IS NULL), count(*) FILTER (WHERE failed_at IS NOT NULL)
                          FROM intake.mail_outbox""");
                ResultSet row = select.executeQuery()) {
            row.next();
            return new Counts(row.getLong(1), row.getLong(2));
        }
    }

    public record Counts(long pending, long givenUp) {
    }
}
