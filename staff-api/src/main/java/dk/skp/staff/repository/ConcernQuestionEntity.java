package dk.skp.staff.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Staff's side of a question to a concern's reporter: who asked, how the reporter was told, and the answer. The text
 * of the question is in exchange.reporter_question (same id), where intake shows it on the status page.
 */
@Entity
@Table(name = "concern_question")
public class ConcernQuestionEntity {

    @Id
    public UUID id;

    @Column(name = "concern_id", nullable = false, updatable = false)
    public UUID concernId;

    @Column(name = "asked_by", nullable = false, updatable = false)
    public String askedBy;

    @Column(name = "asked_by_name", updatable = false)
    public String askedByName;

    @Column(name = "asked_at", nullable = false, updatable = false)
    public Instant askedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "told_by", nullable = false, updatable = false)
    public List<String> toldBy;

    public String answer;

    /** When the reporter answered, as intake recorded it. */
    @Column(name = "answered_at")
    public Instant answeredAt;

    /** When the answer reached staff off the queue. */
    @Column(name = "answer_received_at")
    public Instant answerReceivedAt;

    /** When someone of the team first read the concern with the answer; the inbox flags it until then. */
    @Column(name = "answer_read_at")
    public Instant answerReadAt;
}
