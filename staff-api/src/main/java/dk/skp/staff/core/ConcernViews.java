package dk.skp.staff.core;

import dk.skp.model.concern.Whereabouts;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.model.vocabulary.KnowsAboutReport;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.vocabulary.AttemptChannel;
import dk.skp.staff.vocabulary.AttemptOutcome;
import dk.skp.staff.vocabulary.ClosingReason;
import dk.skp.staff.vocabulary.Priority;
import dk.skp.staff.vocabulary.TriageOutcome;
import dk.skp.staff.vocabulary.VisitTeam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the team reads about a concern's place in their work, beside what the reporter wrote. */
public final class ConcernViews {

    private ConcernViews() {
    }

    @Schema(description = "The latest triage decision.")
    public record Triage(
            @Schema(description = "What triage decided.") TriageOutcome outcome,
            @Schema(nullable = true, description = "The team's priority; absent when the outcome gave none.") Priority priority,
            @Schema(description = "The § 99 target groups the person belongs to: MENTAL_ILLNESS, SUBSTANCE_ABUSE, HOMELESSNESS (no home of their own, or cannot stay in it), OTHER_SOCIAL_PROBLEMS.", maxItems = 4)
            List<TargetGroup> targetGroups,
            @Schema(nullable = true, description = "The district whose contact persons should go out.", examples = "Vollsmose", maxLength = ApiLimits.DISTRICT) String district,
            @Schema(nullable = true, description = "Why, in a few words.", maxLength = ApiLimits.NOTE) String reason,
            @Schema(nullable = true, description = "For REDIRECTED: the service the concern was passed to.", maxLength = ApiLimits.SERVICE) String redirectedTo,
            @Schema(nullable = true, description = "For DUPLICATE: the concern this one repeats.") UUID duplicateOf,
            @Schema(description = "When.") Instant triagedAt,
            @Schema(description = "Subject of the coordinator who triaged.", maxLength = ApiLimits.SUBJECT) String triagedBy) {
    }

    @Schema(description = "Who holds the concern.")
    public record Assignment(
            @Schema(nullable = true, description = "The contact person's id in the administration; absent if they were removed since.")
            UUID contactPersonId,
            @Schema(description = "Their OIDC subject, as in assignedTo.", maxLength = ApiLimits.SUBJECT) String subject,
            @Schema(nullable = true, description = "Their name; absent if they were removed since.", maxLength = ApiLimits.NAME) String name,
            @Schema(description = "Since when they hold it.") Instant assignedAt) {
    }

    @Schema(description = "Why the work with the concern ended.")
    public record Closing(
            @Schema(description = "Why the work ended.") ClosingReason reason,
            @Schema(nullable = true, description = "For HANDED_OVER: the lasting service that took over.", maxLength = ApiLimits.SERVICE) String handedOverTo,
            @Schema(nullable = true, description = "A few words; required for OTHER.", maxLength = ApiLimits.NOTE) String note,
            @Schema(description = "How many contact attempts had been made, e.g. for NOT_FOUND.", minimum = "0", maximum = "2147483647") int attemptsMade,
            @Schema(description = "When.") Instant closedAt,
            @Schema(description = "Subject of the coordinator who closed it.", maxLength = ApiLimits.SUBJECT) String closedBy,
            @Schema(nullable = true, description = "The citizen's say: for HANDED_OVER what they agreed to, for DECLINED "
                    + "that they said no; absent for other reasons and for concerns closed before it was recorded.")
            ConcernCommands.CitizenConsent consent) {
    }

    @Schema(description = "The staff member who took a concern told by phone, in person, by e-mail or letter.")
    public record EnteredBy(
            @Schema(description = "Their subject.", maxLength = ApiLimits.SUBJECT) String subject,
            @Schema(nullable = true, description = "Their name as they signed in with it.", maxLength = ApiLimits.NAME) String name) {
    }

    @Schema(description = "One try to reach the person.")
    public record ContactAttempt(
            @Schema(description = "The attempt's id, as in the audit trail.") UUID id,
            @Schema(description = "When the attempt was made.") Instant attemptedAt,
            @Schema(description = "How.") AttemptChannel channel,
            @Schema(nullable = true, description = "Where, e.g. 'the bench by the station'.", maxLength = ApiLimits.NOTE) String placeNote,
            @Schema(description = "With what result.") AttemptOutcome outcome,
            @Schema(nullable = true, description = "What happens next.", maxLength = ApiLimits.NOTE) String nextStep,
            @Schema(nullable = true, description = "When the next step is due.") LocalDate nextStepOn,
            @Schema(description = "Subject of the staff member who recorded it.", maxLength = ApiLimits.SUBJECT) String recordedBy,
            @Schema(description = "When it was recorded.") Instant recordedAt) {
    }

    @Schema(description = "Another concern about the same person.")
    public record LinkedConcern(
            @Schema(description = "The linked concern's id.") UUID id,
            @Schema(description = "Its reference, as the reporter knows it.", maxLength = ApiLimits.REFERENCE, pattern = ApiLimits.REFERENCE_PATTERN) String reference,
            @Schema(description = "Its status.") ConcernStatus status,
            @Schema(description = "When intake received it.") Instant receivedAt) {
    }

    @Schema(description = "Something that happened to the concern: REGISTERED when staff took it off the queue (or a "
            + "staff member entered it: then with who did), then each "
            + "change (TRIAGE, ASSIGN, UNASSIGN, CLAIM, ATTEMPT, CLOSE, REOPEN, LINK, UNLINK, VISIT_TEAM, "
            + "PERSONAL_DATA_ERASED, DEAD_MESSAGE_REPLAYED, QUESTION_ASKED, REPORTER_ANSWERED), from the audit trail.")
    public record HistoryEntry(
            @Schema(description = "When.") Instant at,
            @Schema(description = "What happened.", maxLength = ApiLimits.ACTION, pattern = "^[A-Z_]+$") String action,
            @Schema(nullable = true, description = "Who did it (their subject); absent for what the system did.", maxLength = ApiLimits.SUBJECT) String actor,
            @Schema(nullable = true, description = "Their name as they signed in with it, where known.", maxLength = ApiLimits.NAME) String actorName) {
    }

    @Schema(description = "Concerns about the same person, oldest first, each whole and apart. A contact person sees "
            + "only the ones assigned to them.")
    public record LinkedConcerns(
            @Schema(description = "The concern asked for and every concern linked to it, oldest first.")
            List<ConcernDetails> items) {
    }

    @Schema(description = "A sign in the concern that a visit may not be safe, and why the team should go in a pair. "
            + "ACUTE_DANGER: the reporter said so; SAFETY_NOTES: the reporter wrote about risks; CONFUSED_OR_PSYCHOTIC, "
            + "SUBSTANCE_USE, CONFLICT_WITH_NEIGHBOURS: reported indicators that make reactions hard to predict.")
    public enum RiskSignal {
        ACUTE_DANGER, SAFETY_NOTES, CONFUSED_OR_PSYCHOTIC, SUBSTANCE_USE, CONFLICT_WITH_NEIGHBOURS
    }

    @Schema(description = "What the team should know before going out, from what intake was told. The ETag is the "
            + "concern's, for setting the team.")
    public record SafetyBriefing(
            @Schema(description = "The concern's id.") UUID concernId,
            @Schema(description = "The concern's reference.", maxLength = ApiLimits.REFERENCE, pattern = ApiLimits.REFERENCE_PATTERN) String reference,
            @Schema(description = "The reporter said the person is in acute danger now.") boolean acuteDanger,
            @Schema(nullable = true, description = "The reporter's own words about risks: a dog, threats, weapons.", maxLength = 1000) String safetyNotes,
            @Schema(description = "The reported indicators that signal risk.", maxItems = 12) List<Indicator> riskIndicators,
            @Schema(nullable = true, description = "Language the person speaks (ISO 639-1), as reported.", maxLength = 2) String personLanguage,
            @Schema(description = "Whether the person knows about the concern: shapes the first words at the door.")
            KnowsAboutReport knowsAboutReport,
            @Schema(description = "The person's age band, as reported.") AgeBand ageBand,
            @Schema(nullable = true, description = "What helps to recognise the person.", maxLength = 1000) String appearance,
            @Schema(description = "Where and when the person can be found.") Whereabouts whereabouts,
            @Schema(description = "Why a pair is suggested; empty when nothing signals risk.", maxItems = 5) List<RiskSignal> riskSignals,
            @Schema(description = "PAIR when any risk signal is present, else ALONE.") VisitTeam suggestedTeam,
            @Schema(nullable = true, description = "A coordinator's decision, when one was made.") VisitTeam decidedTeam,
            @Schema(description = "What applies: the decision if there is one, else the suggestion.") VisitTeam team,
            @Schema(description = "The concern's version; the same as the ETag.", minimum = "0", maximum = "9223372036854775807") long version) {
    }

    @Schema(description = "A contact person ranked for a concern: present before absent, own district before others, "
            + "most free capacity first.")
    public record AssignmentSuggestion(
            @Schema(description = "1 for the best fit.", minimum = "1", maximum = "2147483647") int rank,
            @Schema(description = "For PUT /{id}/assignment.") UUID contactPersonId,
            @Schema(description = "Their OIDC subject.", maxLength = ApiLimits.SUBJECT) String subject,
            @Schema(description = "Their name.", maxLength = ApiLimits.NAME) String name,
            @Schema(description = "The concern's district is one of theirs.") boolean districtMatch,
            @Schema(description = "How many open concerns they can hold.", minimum = "0", maximum = "200") int capacity,
            @Schema(description = "Open concerns they hold now.", minimum = "0", maximum = "9223372036854775807") long openConcerns,
            @Schema(description = "Capacity minus open concerns; negative when over capacity.", minimum = "-9223372036854775808", maximum = "200") long freeCapacity,
            @Schema(nullable = true, description = "Away up to and including this day, if set.") LocalDate absentUntil,
            @Schema(description = "Absent today; ranked last.") boolean absent,
            @Schema(description = "They hold this concern now.") boolean currentlyAssigned) {
    }
}
