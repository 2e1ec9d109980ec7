package dk.skp.intake.mail;

/** The mails intake sends. Stored by name in intake.mail_outbox. */
public enum MailKind {
    /** To the reporter: the reference and what happens next, nothing of the concern. */
    RECEIPT,
    /** To the team's inbox about an urgent concern: the reference and why it is urgent, nothing else. */
    TEAM_ALERT
}
