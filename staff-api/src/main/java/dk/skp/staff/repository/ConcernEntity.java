package dk.skp.staff.repository;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Urgency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A concern as staff holds it. Never leaves the service layer; the REST layer gets records. */
@Entity
@Table(name = "concern")
public class ConcernEntity {

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false, updatable = false)
    public UUID messageId;

    @Column(nullable = false, updatable = false)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConcernStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Channel channel;

    @Column(name = "partner_id", updatable = false)
    public String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "acute_danger", nullable = false)
    public boolean acuteDanger;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;

    /** The OIDC subject of the contact person the concern is assigned to. */
    @Column(name = "assigned_to")
    public String assignedTo;

    @Version
    public long version;

    /** What the reporter sent, unchanged. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ConcernReport report;
}
