package dk.skp.staff.core;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.core.ConcernViews.Assignment;
import dk.skp.staff.core.ConcernViews.Closing;
import dk.skp.staff.core.ConcernViews.ContactAttempt;
import dk.skp.staff.core.ConcernViews.HistoryEntry;
import dk.skp.staff.core.ConcernViews.LinkedConcern;
import dk.skp.staff.core.ConcernViews.Triage;
import dk.skp.staff.core.Lifecycle.Move;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.vocabulary.VisitTeam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The whole concern, as the reporter sent it, with its place in the team's work.")
public record ConcernDetails(
        @Schema(description = "The concern's id in staff.") UUID id,
        @Schema(description = "The reference the reporter got, e.g. SKP-7K4M-2QXD.", maxLength = ApiLimits.REFERENCE, pattern = ApiLimits.REFERENCE_PATTERN) String reference,
        @Schema(description = "Where the concern is in the team's work.") ConcernStatus status,
        @Schema(description = "The moves the lifecycle allows from this status (not all of them to every role); none "
                + "once the personal data is erased.", maxItems = 20)
        List<Move> moves,
        @Schema(description = "The reporter's urgency; URGENT whenever acuteDanger is set.") Urgency urgency,
        @Schema(description = "The reporter said the person is in acute danger.") boolean acuteDanger,
        @Schema(description = "How the concern came in.") Channel channel,
        @Schema(nullable = true, description = "Partner organisation that sent it; absent for the public web form and staff.", maxLength = 63, pattern = "^[a-z0-9][a-z0-9-]{1,62}$") String partnerId,
        @Schema(nullable = true, description = "Who took it, when staff entered it (channel PHONE, IN_PERSON, EMAIL or "
                + "LETTER); absent when it came through intake.") ConcernViews.EnteredBy enteredBy,
        @Schema(description = "When intake (or the staff member who took it) received it.") Instant receivedAt,
        @Schema(description = "When staff took it off the queue.") Instant registeredAt,
        @Schema(description = "When the team last changed it.") Instant changedAt,
        @Schema(nullable = true, description = "Subject of the assigned contact person, if any.", maxLength = ApiLimits.SUBJECT) String assignedTo,
        @Schema(nullable = true, description = "Who holds it, and since when; absent when nobody does.") Assignment assignment,
        @Schema(nullable = true, description = "By when it is to be triaged (end of the working day); present while it waits for "
                + "triage (RECEIVED, REOPENED).") Instant triageDueAt,
        @Schema(nullable = true, description = "By when the contact person holding it is to make a first contact attempt; present "
                + "from assignment until an attempt is recorded.") Instant firstAttemptDueAt,
        @Schema(nullable = true, description = "Absent until the concern is triaged.") Triage triage,
        @Schema(nullable = true, description = "Present while the concern is CLOSED.") Closing closing,
        @Schema(nullable = true, description = "When the referrer's name, phone and e-mail were erased from the report: as the work "
                + "ended (CLOSED or an early triage ending). Reopening does not bring them back. Absent while they are "
                + "held.") Instant referrerErasedAt,
        @Schema(nullable = true, description = "When the concern's personal data was erased, a set time after the work ended (90 days "
                + "unless configured otherwise). Since then the report holds only codes for statistics, free-text "
                + "notes are gone, and the concern cannot be changed or reopened (409). Absent while personal data is "
                + "held.") Instant erasedAt,
        @Schema(nullable = true, description = "A coordinator's decision on visiting alone or in a pair; see the briefing for the "
                + "suggestion.") VisitTeam visitTeam,
        @Schema(description = "Contact attempts, newest first.") List<ContactAttempt> attempts,
        @Schema(description = "Other concerns about the same person (for a contact person: those assigned to them).")
        List<LinkedConcern> links,
        @Schema(description = "What happened to it, oldest first: its registration, then every change, with who made it.")
        List<HistoryEntry> history,
        @Schema(description = "Changes with every change; sent as the ETag.", minimum = "0", maximum = "9223372036854775807") long version,
        @Schema(description = "What the reporter sent, unchanged but for retention: without the referrer's name, "
                + "phone and e-mail once the work ended (see referrerErasedAt), reduced to codes once erasedAt is set.")
        ConcernReport report,
        @Schema(description = "The person was reported at a postcode the municipality's profile does not serve: it may belong "
                + "with another municipality (see GET /api/v1/municipality for the postcodes).") boolean outsideArea,
        @Schema(description = "Questions put to the reporter and their answers, and whether the reporter can be asked.")
        ReporterQuestionViews.ReporterQuestions reporterQuestions) {
}
