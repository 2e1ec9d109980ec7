package dk.skp.staff.statistics;

import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.vocabulary.ClosingReason;
import dk.skp.staff.vocabulary.LastingService;
import dk.skp.staff.vocabulary.TriageOutcome;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Counts over the concerns received in a period, for planning and reporting. No personal data: "
        + "codes, districts and numbers only. Concerns whose personal data retention has erased still count. Every "
        + "code of a list appears, with 0 when no concern has it.")
public record Statistics(
        @Schema(description = "First day of the period (inclusive), in the municipality's time zone.") LocalDate from,
        @Schema(description = "Last day of the period (inclusive).") LocalDate to,
        @Schema(description = "How many concerns were received in the period.", minimum = "0", maximum = "9223372036854775807") long received,
        @Schema(description = "By who reported: the reporter's role.") Map<ReporterRole, Long> byReporterRole,
        @Schema(description = "By how they came in.") Map<Channel, Long> byChannel,
        @Schema(description = "Where they are now.") Map<ConcernStatus, Long> byStatus,
        @Schema(description = "By the § 99 target groups set at triage; a concern counts once in each of its groups.")
        Map<TargetGroup, Long> byTargetGroup,
        @Schema(description = "By triage outcome; concerns not yet triaged are not counted here.")
        Map<TriageOutcome, Long> byTriageOutcome,
        @Schema(description = "By why the work ended, for the concerns now CLOSED.") Map<ClosingReason, Long> byClosingReason,
        @Schema(description = "By the district set at triage, most concerns first; districts are compared without "
                + "regard to case.") Map<String, Long> byDistrict,
        @Schema(description = "From receipt to the first triage decision.") Elapsed timeToTriage,
        @Schema(description = "From receipt to the first contact attempt.") Elapsed timeToFirstAttempt,
        @Schema(description = "From receipt to the first established contact.") Elapsed timeToContact,
        @Schema(description = "The citizens' say, over the period's concerns now CLOSED as HANDED_OVER or DECLINED.")
        Consent consent) {

    @Schema(name = "ConsentStatistics", description = "What citizens said to being handed over to lasting services.")
    public record Consent(
            @Schema(description = "Handed over with the citizen's consent (concerns closed before consent was "
                    + "recorded are not counted here, only in byClosingReason).", minimum = "0", maximum = "9223372036854775807") long handedOverWithConsent,
            @Schema(description = "Of those, how many let SKP pass their data on.", minimum = "0", maximum = "9223372036854775807") long dataSharingConsented,
            @Schema(description = "The citizen said no (DECLINED).", minimum = "0", maximum = "9223372036854775807") long declined,
            @Schema(description = "Handed over, by the service the citizen agreed to; a concern counts once in each.")
            Map<LastingService, Long> handedOverByService,
            @Schema(description = "Declined, by the service offered, where it was recorded.")
            Map<LastingService, Long> declinedByService) {
    }

    @Schema(description = "How long something took, over the period's concerns where it has happened.")
    public record Elapsed(
            @Schema(description = "How many of the period's concerns it has happened for.", minimum = "0", maximum = "9223372036854775807") long concerns,
            @Schema(nullable = true, description = "The median, as an ISO-8601 duration to the minute, e.g. PT26H30M; absent when "
                    + "concerns is 0.", maxLength = 40, pattern = "^P[0-9DTHMS.]+$") String median,
            @Schema(nullable = true, description = "The median in hours, to one decimal; absent when concerns is 0.") Double medianHours) {
    }
}
