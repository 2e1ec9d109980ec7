package dk.skp.staff.service;

import dk.skp.model.concern.Whereabouts;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.AttemptChannel;
import dk.skp.model.vocabulary.AttemptOutcome;
import dk.skp.model.vocabulary.ClosingReason;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.model.vocabulary.KnowsAboutReport;
import dk.skp.model.vocabulary.Priority;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.model.vocabulary.TriageOutcome;
import dk.skp.model.vocabulary.VisitTeam;
import dk.skp.staff.repository.ConcernStatus;
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
            TriageOutcome outcome,
            @Schema(description = "The team's priority; absent when the outcome gave none.") Priority priority,
            @Schema(description = "The § 99 target groups the person belongs to.") List<TargetGroup> targetGroups,
            @Schema(description = "The district whose contact persons should go out.", examples = "Vollsmose") String district,
            @Schema(description = "Why, in a few words.") String reason,
            @Schema(description = "For REDIRECTED: the service the concern was passed to.") String redirectedTo,
            @Schema(description = "For DUPLICATE: the concern this one repeats.") UUID duplicateOf,
            Instant triagedAt,
            @Schema(description = "Subject of the coordinator who triaged.") String triagedBy) {
    }

    @Schema(description = "Who holds the concern.")
    public record Assignment(
            @Schema(description = "The contact person's id in the administration; absent if they were removed since.")
            UUID contactPersonId,
            @Schema(description = "Their OIDC subject, as in assignedTo.") String subject,
            String name,
            Instant assignedAt) {
    }

    @Schema(description = "Why the work with the concern ended.")
    public record Closing(
            ClosingReason reason,
            @Schema(description = "For HANDED_OVER: the lasting service that took over.") String handedOverTo,
            @Schema(description = "A few words; required for OTHER.") String note,
            @Schema(description = "How many contact attempts had been made, e.g. for NOT_FOUND.") int attemptsMade,
            Instant closedAt,
            @Schema(description = "Subject of the coordinator who closed it.") String closedBy) {
    }

    @Schema(description = "One try to reach the person.")
    public record ContactAttempt(
            UUID id,
            @Schema(description = "When the attempt was made.") Instant attemptedAt,
            AttemptChannel channel,
            @Schema(description = "Where, e.g. 'the bench by the station'.") String placeNote,
            AttemptOutcome outcome,
            @Schema(description = "What happens next.") String nextStep,
            @Schema(description = "When the next step is due.") LocalDate nextStepOn,
            @Schema(description = "Subject of the staff member who recorded it.") String recordedBy,
            Instant recordedAt) {
    }

    @Schema(description = "Another concern about the same person.")
    public record LinkedConcern(UUID id, String reference, ConcernStatus status, Instant receivedAt) {
    }

    @Schema(description = "Concerns about the same person, oldest first, each whole and apart. A contact person sees "
            + "only the ones assigned to them.")
    public record LinkedConcerns(List<ConcernDetails> items) {
    }

    @Schema(description = "A sign in the concern that a visit may not be safe, and why the team should go in a pair.")
    public enum RiskSignal {
        ACUTE_DANGER, SAFETY_NOTES, CONFUSED_OR_PSYCHOTIC, SUBSTANCE_USE, CONFLICT_WITH_NEIGHBOURS
    }

    @Schema(description = "What the team should know before going out, from what intake was told. The ETag is the "
            + "concern's, for setting the team.")
    public record SafetyBriefing(
            UUID concernId,
            String reference,
            @Schema(description = "The reporter said the person is in acute danger now.") boolean acuteDanger,
            @Schema(description = "The reporter's own words about risks: a dog, threats, weapons.") String safetyNotes,
            @Schema(description = "The reported indicators that signal risk.") List<Indicator> riskIndicators,
            @Schema(description = "Language the person speaks (ISO 639-1), as reported.") String personLanguage,
            @Schema(description = "Whether the person knows about the concern: shapes the first words at the door.")
            KnowsAboutReport knowsAboutReport,
            AgeBand ageBand,
            @Schema(description = "What helps to recognise the person.") String appearance,
            @Schema(description = "Where and when the person can be found.") Whereabouts whereabouts,
            @Schema(description = "Why a pair is suggested; empty when nothing signals risk.") List<RiskSignal> riskSignals,
            @Schema(description = "PAIR when any risk signal is present, else ALONE.") VisitTeam suggestedTeam,
            @Schema(description = "A coordinator's decision, when one was made.") VisitTeam decidedTeam,
            @Schema(description = "What applies: the decision if there is one, else the suggestion.") VisitTeam team,
            @Schema(description = "The concern's version; the same as the ETag.") long version) {
    }

    @Schema(description = "A contact person ranked for a concern: present before absent, own district before others, "
            + "most free capacity first.")
    public record AssignmentSuggestion(
            @Schema(description = "1 for the best fit.") int rank,
            UUID contactPersonId,
            String subject,
            String name,
            @Schema(description = "The concern's district is one of theirs.") boolean districtMatch,
            int capacity,
            @Schema(description = "Open concerns they hold now.") long openConcerns,
            @Schema(description = "Capacity minus open concerns; negative when over capacity.") long freeCapacity,
            LocalDate absentUntil,
            @Schema(description = "Absent today; ranked last.") boolean absent,
            @Schema(description = "They hold this concern now.") boolean currentlyAssigned) {
    }
}
