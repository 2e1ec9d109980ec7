package dk.skp.staff.repository;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.vocabulary.ClosingReason;
import dk.skp.staff.vocabulary.LastingService;
import dk.skp.staff.vocabulary.Priority;
import dk.skp.staff.vocabulary.TriageOutcome;
import dk.skp.staff.vocabulary.VisitTeam;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
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

    /** The staff member who took the concern (OIDC subject), when staff entered it; null when it came through intake. */
    @Column(name = "entered_by", updatable = false)
    public String enteredBy;

    /** Their name as the identity provider gave it then. */
    @Column(name = "entered_by_name", updatable = false)
    public String enteredByName;

    /**
     * The OIDC subject of the contact person the concern is assigned to: set while ASSIGNED or IN_CONTACT, kept when
     * CLOSED (so they still see what they closed), empty otherwise.
     */
    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** Every change bumps it, so that the version (the ETag) covers attempts and links too. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Version
    public long version;

    // Triage: the latest decision; a new triage replaces it.

    @Enumerated(EnumType.STRING)
    @Column(name = "triage_outcome")
    public TriageOutcome triageOutcome;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups")
    public List<TargetGroup> targetGroups;

    public String district;

    @Column(name = "triage_reason")
    public String triageReason;

    @Column(name = "redirected_to")
    public String redirectedTo;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "triaged_by")
    public String triagedBy;

    // Closing: why the work ended; cleared when the concern is reopened.

    @Enumerated(EnumType.STRING)
    @Column(name = "closing_reason")
    public ClosingReason closingReason;

    @Column(name = "handed_over_to")
    public String handedOverTo;

    @Column(name = "closing_note")
    public String closingNote;

    @Column(name = "attempts_at_closing")
    public Integer attemptsAtClosing;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    // The citizen's say as the work ended: set when closed as HANDED_OVER or DECLINED, cleared when reopened. Codes
    // and yes/no only, so that nothing here is personal and statistics keep it after erasure.

    /** HANDED_OVER: true, the citizen agreed to be handed over; DECLINED: false, they said no. */
    @Column(name = "consent_agreed")
    public Boolean consentAgreed;

    /** The lasting services the citizen agreed to (HANDED_OVER), or was offered and declined (DECLINED). */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "consent_services")
    public List<LastingService> consentServices;

    /** HANDED_OVER: whether the citizen let SKP pass their data on to those services. */
    @Column(name = "consent_data_sharing")
    public Boolean consentDataSharing;

    /** A coordinator's decision; null means the briefing's suggestion stands. */
    @Enumerated(EnumType.STRING)
    @Column(name = "visit_team")
    public VisitTeam visitTeam;

    /** Shared by concerns about the same person; null when the concern is linked to none. */
    @Column(name = "link_group")
    public UUID linkGroup;

    // Time limits: an open deadline is set while its task is pending and cleared when it is done (Deadlines.track).

    /** By when the concern is to be triaged; set while RECEIVED or REOPENED. */
    @Column(name = "triage_due_at")
    public Instant triageDueAt;

    /** By when the contact person holding it is to make a first attempt; set while nobody has tried since assignment. */
    @Column(name = "first_attempt_due_at")
    public Instant firstAttemptDueAt;

    /** When the work ended (CLOSED or an early triage ending); retention counts from here. Null while open. */
    @Column(name = "ended_at")
    public Instant endedAt;

    // Facts for statistics: kept when personal data is erased.

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_role", updatable = false)
    public ReporterRole reporterRole;

    @Column(name = "first_triaged_at")
    public Instant firstTriagedAt;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "contact_established_at")
    public Instant contactEstablishedAt;

    // Retention.

    /** When the referrer's name, phone and e-mail were erased: as the work ended. */
    @Column(name = "referrer_erased_at")
    public Instant referrerErasedAt;

    /** When all personal data was erased, some time after the work ended; the concern is a statistic since. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** What the reporter sent, unchanged until retention erases its personal data. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ConcernReport report;
}
