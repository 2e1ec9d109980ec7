package dk.skp.model.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mail outbox in PostgreSQL, the one both services use, each in its own schema ({@code intake.mail_outbox},
 * {@code staff.mail_outbox}). A mail is promised in the transaction of the change it announces, so it exists exactly
 * when the change does, and an SMTP outage only delays it; {@link OutboxSender} sends it afterwards.
 * <p>
 * The table has the columns {@code id} (generated), {@code kind}, {@code reference}, {@code recipient},
 * {@code created_at}, {@code available_at}, {@code attempts}, {@code last_attempt_at}, {@code last_error} and
 * {@code failed_at}, with a check that a recipient is there exactly while the mail is pending, plus content columns of
 * the service's own, from which its composer writes the mail (intake: language and urgency, from templates at send
 * time; staff: subject and body, written when the mail is promised). A sent mail's row is deleted; a mail given up
 * after too many attempts keeps what an operator needs (kind, reference, error) but no address.
 * <p>
 * The sender's statements each run on their own (auto-commit) connection: a claim hides the mails from other senders
 * for the claim lease, so several instances share the work and no lock or connection is held while SMTP is slow.
 * Times come from the caller, so a test can move them.
 */
public final class MailOutbox {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String table;
    private final List<String> contentColumns;
    private final OutboxSettings settings;

    /**
     * @param table          schema-qualified, e.g. {@code intake.mail_outbox}
     * @param contentColumns the service's own columns a mail is composed from
     */
    public MailOutbox(String table, List<String> contentColumns, OutboxSettings settings) {
        String[] parts = table.split("\\.", -1);
        if (parts.length != 2 || !NAME.matcher(parts[0]).matches() || !NAME.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("not a schema-qualified table name: " + table);
        }
        for (String column : contentColumns) {
            if (!NAME.matcher(column).matches()) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
        }
        this.table = table;
        this.contentColumns = List.copyOf(contentColumns);
        this.settings = settings;
    }

    public OutboxSettings settings() {
        return settings;
    }

    public String table() {
        return table;
    }

    /** Promises the mails on the caller's connection, in its transaction; due at {@code now}. */
    public void enqueue(Connection connection, List<NewMail> mails, Instant now) throws SQLException {
        if (mails.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table)
                .append(" (kind, reference, recipient, created_at, available_at");
        contentColumns.forEach(column -> sql.append(", ").append(column));
        sql.append(") VALUES (?, ?, ?, ?, ?").append(", ?".repeat(contentColumns.size())).append(')');
        OffsetDateTime at = utc(now);
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            for (NewMail mail : mails) {
                if (!mail.content().keySet().equals(new HashSet<>(contentColumns))) {
                    throw new IllegalArgumentException(table + " needs content " + contentColumns + ", not "
                            + mail.content().keySet());
                }
                insert.setString(1, mail.kind());
                insert.setString(2, mail.reference());
                insert.setString(3, mail.recipient());
                insert.setObject(4, at);
                insert.setObject(5, at);
                for (int i = 0; i < contentColumns.size(); i++) {
                    insert.setObject(6 + i, mail.content().get(contentColumns.get(i)));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Claims up to a batch of the mails due at {@code now}, oldest first, hiding them from other senders for the claim
     * lease; rows another sender is claiming right now are skipped, not waited for.
     */
    public List<OutboxMail> claimDue(Connection connection, Instant now) throws SQLException {
        StringBuilder returning = new StringBuilder("id, kind, reference, recipient, attempts");
        contentColumns.forEach(column -> returning.append(", ").append(column));
        try (PreparedStatement claim = connection.prepareStatement("UPDATE " + table + " SET available_at = ?"
                + " WHERE id IN (SELECT id FROM " + table
                + " WHERE failed_at IS NULL AND available_at <= ? ORDER BY available_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + returning)) {
            claim.setObject(1, utc(now.plus(settings.claimLease())));
            claim.setObject(2, utc(now));
            claim.setInt(3, settings.batchSize());
            List<OutboxMail> claimed = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> content = new LinkedHashMap<>();
                    for (int i = 0; i < contentColumns.size(); i++) {
                        content.put(contentColumns.get(i), rows.getObject(6 + i));
                    }
                    claimed.add(new OutboxMail(rows.getObject(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), content, rows.getInt(5)));
                }
            }
            return claimed;
        }
    }

    /** A sent mail leaves no trace: with the row goes the address. */
    public void sent(Connection connection, OutboxMail mail) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            delete.setObject(1, mail.id());
            delete.executeUpdate();
        }
    }

    /**
     * Records a failed attempt at {@code now}: the mail comes back after the backoff, or, when this was the last
     * attempt allowed, is given up for an operator with its address erased.
     *
     * @param error why, in words that contain no address and nothing of the concern ({@link MailErrors})
     */
    public void failed(Connection connection, OutboxMail mail, String error, Instant now) throws SQLException {
        int failures = mail.attempts() + 1;
        boolean giveUp = settings.lastAttempt(mail);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET attempts = ?, last_attempt_at = ?, last_error = ?, available_at = ?,"
                + " failed_at = CASE WHEN ? THEN ?::timestamptz END,"
                + " recipient = CASE WHEN ? THEN NULL ELSE recipient END WHERE id = ?")) {
            OffsetDateTime at = utc(now);
            update.setInt(1, failures);
            update.setObject(2, at);
            update.setString(3, error.length() <= MailErrors.MAX_LENGTH ? error : error.substring(0, MailErrors.MAX_LENGTH));
            update.setObject(4, utc(now.plus(settings.backoffAfter(failures))));
            update.setBoolean(5, giveUp);
            update.setObject(6, at);
            update.setBoolean(7, giveUp);
            update.setObject(8, mail.id());
            update.executeUpdate();
        }
    }

    /** Hands claimed mails that were not tried back, due at {@code now}, without counting an attempt. */
    public void release(Connection connection, Collection<OutboxMail> mails, Instant now) throws SQLException {
        if (mails.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET available_at = ? WHERE id = ? AND failed_at IS NULL")) {
            for (OutboxMail mail : mails) {
                update.setObject(1, utc(now));
                update.setObject(2, mail.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Forgets the mails given up before {@code cutoff}: nothing about a concern is kept longer than the concern. */
    public int deleteGivenUpBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE failed_at < ?")) {
            delete.setObject(1, utc(cutoff));
            return delete.executeUpdate();
        }
    }

    /** Pending and given-up mails, for the metrics. */
    public Counts counts(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FILTER (WHERE failed_at IS NULL),"
                + " count(*) FILTER (WHERE failed_at IS NOT NULL) FROM " + table);
                ResultSet row = select.executeQuery()) {
            row.next();
            return new Counts(row.getLong(1), row.getLong(2));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public record Counts(long pending, long givenUp) {
    }
}
