package dk.skp.staff.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A mail waiting to be sent; deleted once the SMTP server took it. Holds a reference and a link, no concern content. */
@Entity
@Table(name = "mail_outbox")
public class MailOutboxEntity {

    @Id
    public UUID id;

    /** What kind of mail (ASSIGNMENT, OVERDUE_DIGEST): for logs and operators. */
    @Column(nullable = false, updatable = false)
    public String kind;

    /** The concern's reference for a mail about one concern; what the log names instead of the recipient. */
    @Column(updatable = false)
    public String reference;

    @Column(nullable = false, updatable = false)
    public String recipient;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(nullable = false, updatable = false)
    public String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "available_at", nullable = false)
    public Instant availableAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "parked_at")
    public Instant parkedAt;
}
