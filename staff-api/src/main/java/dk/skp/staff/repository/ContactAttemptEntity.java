package dk.skp.staff.repository;

import dk.skp.staff.vocabulary.AttemptChannel;
import dk.skp.staff.vocabulary.AttemptOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One try to reach the person a concern is about. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttemptEntity {

    @Id
    public UUID id;

    @Column(name = "concern_id", nullable = false, updatable = false)
    public UUID concernId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptChannel channel;

    @Column(name = "place_note")
    public String placeNote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptOutcome outcome;

    @Column(name = "next_step")
    public String nextStep;

    @Column(name = "next_step_on")
    public LocalDate nextStepOn;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
