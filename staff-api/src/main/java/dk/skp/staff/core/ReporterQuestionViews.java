package dk.skp.staff.core;

import dk.skp.staff.rest.ApiLimits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Questions to a concern's reporter, as the team asks and reads them. */
public final class ReporterQuestionViews {

    /** The longest question: a question, not a letter; the status page shows it whole. */
    public static final int MAX_QUESTION_LENGTH = 500;

    private ReporterQuestionViews() {
    }

    @Schema(description = "How the reporter learns of a question. STATUS_PAGE: they hold a passcode and see it on the "
            + "status page; EMAIL: they left an e-mail address and get a mail with the reference only.")
    public enum ReporterChannel {
        STATUS_PAGE, EMAIL
    }

    @Schema(description = "A question for the reporter. It is shown to them as written, on the public status page: "
            + "write no personal data in it (no names, addresses or what the team knows about the person).")
    public record NewQuestion(
            @Schema(description = "The question, at most 500 characters.", examples = "Does he have a dog? Is there a "
                    + "time of day when he is usually at home?")
            @NotNull(message = "{skp.required}") @Size(max = MAX_QUESTION_LENGTH, message = "{skp.size.max}") String question) {
    }

    @Schema(description = "A question put to the reporter, and their answer once it has come in.")
    public record ReporterQuestion(
            @Schema(description = "The question's id.") UUID id,
            @Schema(description = "What was asked.", maxLength = ReporterQuestionViews.MAX_QUESTION_LENGTH) String question,
            @Schema(description = "When.") Instant askedAt,
            @Schema(description = "Subject of the coordinator who asked.", maxLength = ApiLimits.SUBJECT) String askedBy,
            @Schema(nullable = true, description = "Their name, where known.", maxLength = ApiLimits.NAME) String askedByName,
            @Schema(description = "How the reporter was told.", maxItems = 2) List<ReporterChannel> toldBy,
            @Schema(nullable = true, description = "The reporter's answer; absent until it has come in.", maxLength = ApiLimits.ANSWER) String answer,
            @Schema(nullable = true, description = "When the reporter answered.") Instant answeredAt,
            @Schema(nullable = true, description = "When someone of the team first read the answer.") Instant answerReadAt) {
    }

    @Schema(description = "Whether the team can put a question to the reporter, how they would learn of it, and the "
            + "questions asked so far, oldest first.")
    public record ReporterQuestions(
            @Schema(description = "How the reporter can be told of a question; empty when they cannot be reached (an "
                    + "anonymous reporter without a passcode, or contact data erased as the work ended).", maxItems = 2)
            List<ReporterChannel> reachableBy,
            @Schema(description = "Whether a question is waiting for the reporter's answer; only one may be open at a time.")
            boolean openQuestion,
            @Schema(description = "Every question asked, oldest first.") List<ReporterQuestion> items) {
    }
}
