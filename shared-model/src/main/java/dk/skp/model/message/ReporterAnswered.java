package dk.skp.model.message;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The queue message intake sends when a reporter answers the team's question on the status page. Intake keeps no copy
 * of the answer: it travels to staff only in this message, enqueued in the transaction that marks the question
 * answered, so a question is answered once however many times the form is sent.
 *
 * @param questionId the question in {@code exchange.reporter_question} that this answers
 * @param language   the language the reporter used the status page in (da or en)
 */
public record ReporterAnswered(
        int schemaVersion,
        UUID messageId,
        String reference,
        UUID questionId,
        Instant answeredAt,
        String answer,
        String language) {

    public static final int CURRENT_SCHEMA_VERSION = 1;
    /** The queue topic this message travels on. */
    public static final String TOPIC = "reporter-answered";
    /** The longest answer a reporter may send (characters). */
    public static final int MAX_ANSWER_LENGTH = 2000;

    public ReporterAnswered {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(answer, "answer");
    }

    public static ReporterAnswered v1(UUID messageId, String reference, UUID questionId, Instant answeredAt, String answer,
            String language) {
        return new ReporterAnswered(CURRENT_SCHEMA_VERSION, messageId, reference, questionId, answeredAt, answer, language);
    }
}
