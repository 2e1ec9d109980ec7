package dk.skp.staff.core;

import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.staff.vocabulary.AttemptChannel;
import dk.skp.staff.vocabulary.AttemptOutcome;
import dk.skp.staff.vocabulary.ClosingReason;
import dk.skp.staff.vocabulary.LastingService;
import dk.skp.staff.vocabulary.Priority;
import dk.skp.staff.vocabulary.TriageOutcome;
import dk.skp.staff.vocabulary.VisitTeam;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the team asks to be done to a concern. The shape is checked here; rules that depend on other fields or on
 * the concern (a duplicate needs the original, a hand-over needs the service) are checked by the services.
 */
public final class ConcernCommands {

    private ConcernCommands() {
    }

    @Schema(description = "A coordinator's triage. ACCEPTED takes the concern on and needs priority, targetGroups and "
            + "district; REDIRECTED needs redirectedTo; DUPLICATE needs duplicateOf (the two are linked); "
            + "OUTSIDE_TARGET_GROUP ends it. A concern already assigned can only be re-triaged as ACCEPTED.")
    public record TriageDecision(
            @Schema(description = "What SKP does with the concern.") @NotNull(message = "{skp.required}") TriageOutcome outcome,
            @Schema(description = "Required for ACCEPTED.") Priority priority,
            @Schema(description = "Required for ACCEPTED: one or more of the § 99 target groups, "
                    + "MENTAL_ILLNESS, SUBSTANCE_ABUSE, HOMELESSNESS (no home of their own, or cannot stay in it), OTHER_SOCIAL_PROBLEMS.")
            @Size(max = 4, message = "{skp.size.max}") List<@NotNull(message = "{skp.required}") TargetGroup> targetGroups,
            @Schema(description = "Required for ACCEPTED: whose contact persons go out. Compared without regard to case.",
                    examples = "Vollsmose") @Size(max = 80, message = "{skp.size.max}") String district,
            @Schema(description = "Why, in a few words. Not personal details: they belong in the report.")
            @Size(max = 500, message = "{skp.size.max}") String reason,
            @Schema(description = "Required for REDIRECTED: the service the concern is passed to.",
                    examples = "Distriktspsykiatrien Odense")
            @Size(max = 200, message = "{skp.size.max}") String redirectedTo,
            @Schema(description = "Required for DUPLICATE: id of the concern this one repeats.") UUID duplicateOf) {
    }

    @Schema(description = "The contact person to assign the concern to (or reassign it to).")
    public record AssignTo(
            @Schema(description = "The contact person's id from the administration or the suggestions.")
            @NotNull(message = "{skp.required}") UUID contactPersonId) {
    }

    @Schema(description = "A contact attempt. CONTACT_ESTABLISHED the first time puts the concern IN_CONTACT.")
    public record NewContactAttempt(
            @Schema(description = "When the attempt was made; not in the future.")
            @NotNull(message = "{skp.required}") Instant attemptedAt,
            @Schema(description = "How.") @NotNull(message = "{skp.required}") AttemptChannel channel,
            @Schema(description = "Where, e.g. 'the bench by the station, 9 pm'.")
            @Size(max = 500, message = "{skp.size.max}") String placeNote,
            @Schema(description = "With what result.") @NotNull(message = "{skp.required}") AttemptOutcome outcome,
            @Schema(description = "What happens next.") @Size(max = 500, message = "{skp.size.max}") String nextStep,
            @Schema(description = "When; not before the attempt.") LocalDate nextStepOn) {
    }

    @Schema(description = "Why the work ends. HANDED_OVER needs handedOverTo and the citizen's consent (agreed, the "
            + "services, whether SKP may pass their data on); DECLINED records that the citizen said no (consent may "
            + "name the services they declined); other reasons take no consent. OTHER needs a note; NOT_FOUND needs at "
            + "least one recorded attempt.")
    public record CloseDecision(
            @Schema(description = "Why the work ends.") @NotNull(message = "{skp.required}") ClosingReason reason,
            @Schema(description = "The lasting service that took over.", examples = "Bostøtte, Odense Kommune")
            @Size(max = 200, message = "{skp.size.max}") String handedOverTo,
            @Schema(description = "A few words; required for OTHER. Not personal details.")
            @Size(max = 500, message = "{skp.size.max}") String note,
            @Schema(nullable = true, description = "The citizen's say: required for HANDED_OVER, optional for DECLINED, "
                    + "refused for the other reasons.") @Valid CitizenConsent consent) {
    }

    @Schema(description = "What the citizen said to being handed over to lasting services. Handing over takes SKP "
            + "knowing and passing on the citizen's data, which the citizen may agree to or not. Codes and yes/no only: "
            + "nothing personal, so it stays when personal data is erased, for statistics.")
    public record CitizenConsent(
            @Schema(description = "true: the citizen agreed to be handed over (HANDED_OVER); false: they said no (DECLINED).")
            @NotNull(message = "{skp.required}") Boolean agreed,
            @Schema(description = "HANDED_OVER: the services the citizen agreed to, at least one; DECLINED: those they "
                    + "were offered and declined, if any.")
            @Size(max = 6, message = "{skp.size.max}") List<@NotNull(message = "{skp.required}") LastingService> services,
            @Schema(nullable = true, description = "HANDED_OVER: whether the citizen let SKP pass their data on to those "
                    + "services (required); DECLINED: left out, nothing is passed on.") Boolean dataSharing) {
    }

    @Schema(description = "Another concern about the same person.")
    public record LinkTo(
            @Schema(description = "Id of the other concern.") @NotNull(message = "{skp.required}") UUID concernId) {
    }

    @Schema(description = "Whether visits go alone or in a pair; leave team out to follow the briefing's suggestion.")
    public record VisitTeamDecision(
            @Schema(description = "ALONE or PAIR; absent to follow the suggestion.") VisitTeam team) {
    }
}
