package dk.skp.staff.core;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.municipality.ServedArea;
import dk.skp.staff.repository.AuditEventEntity;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ContactAttemptEntity;
import dk.skp.staff.repository.ContactAttemptRepository;
import dk.skp.staff.repository.ContactPersonEntity;
import dk.skp.staff.repository.ContactPersonRepository;
import dk.skp.staff.repository.ListedConcern;
import dk.skp.staff.repository.ConcernQuestionEntity;
import dk.skp.staff.repository.ReporterQuestionRepository;
import dk.skp.staff.core.ReporterQuestionViews.ReporterChannel;
import dk.skp.staff.core.ReporterQuestionViews.ReporterQuestion;
import dk.skp.staff.core.ReporterQuestionViews.ReporterQuestions;
import dk.skp.staff.core.ConcernViews.Assignment;
import dk.skp.staff.core.ConcernViews.Closing;
import dk.skp.staff.core.ConcernViews.ContactAttempt;
import dk.skp.staff.core.ConcernViews.HistoryEntry;
import dk.skp.staff.core.ConcernViews.LinkedConcern;
import dk.skp.staff.core.ConcernViews.RiskSignal;
import dk.skp.staff.core.ConcernViews.SafetyBriefing;
import dk.skp.staff.core.ConcernViews.Triage;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.vocabulary.VisitTeam;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns entities, and the rows lists read ({@link ListedConcern}), into the records the REST layer gets; the only place
 * that knows both.
 */
@ApplicationScoped
public class ConcernMapper {

    private final ConcernRepository concerns;
    private final ContactAttemptRepository attempts;
    private final ContactPersonRepository contactPersons;
    private final ServedArea servedArea;
    private final ReporterQuestionRepository questions;

    public ConcernMapper(ConcernRepository concerns, ContactAttemptRepository attempts,
            ContactPersonRepository contactPersons, ServedArea servedArea, ReporterQuestionRepository questions) {
        this.servedArea = servedArea;
        this.concerns = concerns;
        this.attempts = attempts;
        this.contactPersons = contactPersons;
        this.questions = questions;
    }

    public ConcernDetails details(Viewer viewer, ConcernEntity c) {
        List<LinkedConcern> links = c.linkGroup == null ? List.of()
                : concerns.inLinkGroup(c.linkGroup).stream()
                        .filter(other -> !other.id.equals(c.id) && ConcernAccess.mayRead(viewer, other))
                        .map(other -> new LinkedConcern(other.id, other.reference, other.status, other.receivedAt))
                        .toList();
        List<Lifecycle.Move> moves = c.erasedAt != null ? List.of() : List.copyOf(Lifecycle.movesFrom(c.status));
        return new ConcernDetails(c.id, c.reference, c.status, moves, c.urgency,
                c.acuteDanger, c.channel, c.partnerId,
                c.enteredBy == null ? null : new ConcernViews.EnteredBy(c.enteredBy, c.enteredByName), c.receivedAt, c.registeredAt, c.changedAt, c.assignedTo,
                assignment(c), c.triageDueAt, c.firstAttemptDueAt, triage(c), closing(c), c.referrerErasedAt,
                c.erasedAt, c.visitTeam,
                attempts.forConcern(c.id).stream().map(ConcernMapper::attempt).toList(), links, history(c), c.version,
                c.report, outsideArea(c), reporterQuestions(c));
    }

    /** The questions put to the reporter, and whether and how they can be asked one. */
    public ReporterQuestions reporterQuestions(ConcernEntity c) {
        List<ReporterQuestion> items = questions.forConcern(c.id).stream().map(asked -> {
            ConcernQuestionEntity q = asked.question();
            return new ReporterQuestion(q.id, asked.text(), q.askedAt, q.askedBy, q.askedByName,
                    q.toldBy.stream().map(ReporterChannel::valueOf).toList(), q.answer, q.answeredAt, q.answerReadAt);
        }).toList();
        return new ReporterQuestions(c.erasedAt == null ? reachableBy(c) : List.of(), questions.hasOpenQuestion(c.reference),
                items);
    }

    /** How the reporter of a concern learns of a question: by the passcode they hold, by the address they left. */
    public List<ReporterChannel> reachableBy(ConcernEntity c) {
        List<ReporterChannel> channels = new ArrayList<>();
        if (questions.hasStatusLookup(c.reference)) {
            channels.add(ReporterChannel.STATUS_PAGE);
        }
        String email = c.report.reporter() == null ? null : c.report.reporter().email();
        if (email != null && !email.isBlank()) {
            channels.add(ReporterChannel.EMAIL);
        }
        return channels;
    }

    /** Summaries of a page of concerns, read as lists read them (with the names of the contact persons who hold them). */
    public List<ConcernSummary> summaries(Collection<ListedConcern> page) {
        return page.stream().map(this::summary).toList();
    }

    /** Worked out from the profile as staff reads it, so the message from intake needs no flag of its own. */
    private boolean outsideArea(ConcernEntity c) {
        return c.report != null && servedArea.outside(c.report.whereabouts());
    }

    /** A concern in a list. Outside the area as {@link #outsideArea(ConcernEntity)}: the postcode is all it looks at. */
    public ConcernSummary summary(ListedConcern c) {
        return new ConcernSummary(c.id(), c.reference(), c.status(), c.urgency(), c.acuteDanger(), c.channel(),
                c.receivedAt(), c.priority(), c.targetGroups(), c.district(), c.assignedTo(), c.assignedToName(),
                c.triageDueAt(), c.firstAttemptDueAt(), c.version(), servedArea.outside(c.postcode()));
    }

    public static SafetyBriefing briefing(ConcernEntity c) {
        ConcernReport report = c.report;
        List<RiskSignal> signals = VisitSafety.signals(report);
        VisitTeam suggested = VisitSafety.suggestion(signals);
        return new SafetyBriefing(c.id, c.reference, report.acuteDanger(), report.observations().safetyNotes(),
                VisitSafety.riskIndicators(report), report.person().language(), report.person().knowsAboutReport(),
                report.person().ageBand(), report.person().appearance(), report.whereabouts(), signals, suggested,
                c.visitTeam, c.visitTeam != null ? c.visitTeam : suggested, c.version);
    }

    private static List<HistoryEntry> history(ConcernEntity c) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(c.registeredAt, "REGISTERED", c.enteredBy, c.enteredByName));
        Panache.getEntityManager()
                .createQuery("from AuditEventEntity where concernId = :id and action in :actions order by occurredAt, id",
                        AuditEventEntity.class)
                .setParameter("id", c.id)
                .setParameter("actions", AuditLog.CHANGES.stream().map(Enum::name).toList())
                .getResultStream()
                .forEach(e -> history.add(new HistoryEntry(e.occurredAt, e.action,
                        e.actorRoles.isEmpty() ? null : e.actor, e.actorName)));
        return history;
    }

    static ContactAttempt attempt(ContactAttemptEntity a) {
        return new ContactAttempt(a.id, a.attemptedAt, a.channel, a.placeNote, a.outcome, a.nextStep, a.nextStepOn,
                a.recordedBy, a.recordedAt);
    }

    private Assignment assignment(ConcernEntity c) {
        if (c.assignedTo == null) {
            return null;
        }
        Optional<ContactPersonEntity> person = contactPersons.findBySubject(c.assignedTo);
        return new Assignment(person.map(p -> p.id).orElse(null), c.assignedTo, person.map(p -> p.name).orElse(null),
                c.assignedAt);
    }

    private static Triage triage(ConcernEntity c) {
        if (c.triageOutcome == null) {
            return null;
        }
        return new Triage(c.triageOutcome, c.priority, c.targetGroups == null ? List.of() : c.targetGroups, c.district,
                c.triageReason, c.redirectedTo, c.duplicateOf, c.triagedAt, c.triagedBy);
    }

    private static Closing closing(ConcernEntity c) {
        if (c.closingReason == null) {
            return null;
        }
        return new Closing(c.closingReason, c.handedOverTo, c.closingNote,
                c.attemptsAtClosing == null ? 0 : c.attemptsAtClosing, c.closedAt, c.closedBy,
                c.consentAgreed == null ? null
                        : new ConcernCommands.CitizenConsent(c.consentAgreed,
                                c.consentServices == null ? List.of() : c.consentServices, c.consentDataSharing));
    }
}
