package dk.skp.staff.questions;

import dk.skp.model.message.ReporterAnswered;
import dk.skp.model.municipality.MunicipalityProfile;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.ConcernAccess;
import dk.skp.staff.core.ConcernChanges;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ConcernMapper;
import dk.skp.staff.core.FieldRules;
import dk.skp.staff.mail.StaffMail;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernQuestionEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ContactPersonRepository;
import dk.skp.staff.repository.ReporterQuestionRepository;
import dk.skp.staff.core.ReporterQuestionViews.NewQuestion;
import dk.skp.staff.core.ReporterQuestionViews.ReporterChannel;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A coordinator asks the reporter of a concern a question; the reporter answers once, on the status page, and the
 * answer comes back on the queue. The reporter stays who they were: an anonymous reporter is reached only through the
 * passcode they already hold, and the team learns nothing about them it did not know. A reporter who left an e-mail
 * address gets a mail with the reference only.
 */
@ApplicationScoped
public class ReporterQuestionService {

    private static final Logger LOG = Logger.getLogger(ReporterQuestionService.class);
    /** The reporter, as the audit trail names them: no subject, no roles (history shows no staff actor). */
    static final Viewer REPORTER = new Viewer("reporter", "the reporter", Set.of());

    private final ConcernAccess access;
    private final ConcernRepository concerns;
    private final ConcernChanges changes;
    private final ConcernMapper mapper;
    private final ReporterQuestionRepository questions;
    private final ContactPersonRepository contactPersons;
    private final StaffMail mail;
    private final AuditLog audit;
    private final Clock clock;
    private final MunicipalityProfile profile;

    public ReporterQuestionService(ConcernAccess access, ConcernRepository concerns, ConcernChanges changes,
            ConcernMapper mapper, ReporterQuestionRepository questions, ContactPersonRepository contactPersons,
            StaffMail mail, AuditLog audit, Clock clock, MunicipalityProfile profile) {
        this.access = access;
        this.concerns = concerns;
        this.changes = changes;
        this.mapper = mapper;
        this.questions = questions;
        this.contactPersons = contactPersons;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.profile = profile;
    }

    /** Puts a question to the reporter: on the status page if they hold a passcode, by mail if they left an address. */
    @Transactional
    public ConcernDetails ask(Viewer viewer, UUID id, long expectedVersion, NewQuestion body) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        String text = FieldRules.trimmed(body.question());
        if (text == null) {
            throw FieldRules.invalid("question", "field.required");
        }
        List<ReporterChannel> reachable = mapper.reachableBy(concern);
        if (reachable.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "question.unreachable");
        }
        if (questions.hasOpenQuestion(concern.reference)) {
            throw new ProblemException(ProblemType.CONFLICT, "question.open");
        }
        ConcernQuestionEntity question = new ConcernQuestionEntity();
        question.id = UUID.randomUUID();
        question.concernId = concern.id;
        question.askedBy = viewer.subject();
        question.askedByName = viewer.name();
        question.askedAt = clock.instant();
        question.toldBy = reachable.stream().map(Enum::name).toList();
        try {
            questions.insert(question, concern.reference, text);
        } catch (PersistenceException concurrentSecond) {
            // Another coordinator's question got in first (the unique index on open questions).
            throw new ProblemException(ProblemType.CONFLICT, "question.open");
        }
        if (reachable.contains(ReporterChannel.EMAIL)) {
            // The address is read from the report here and goes only into the outbox row; it is never logged.
            Locale language = Languages.of(concern.report.language());
            mail.reporterQuestion(concern.report.reporter().email(), concern.reference, language, teamContact(language));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("questionId", question.id.toString());
        details.put("toldBy", String.join(",", question.toldBy));
        changes.record(viewer, concern, concern.status, AuditLog.Action.QUESTION_ASKED, details);
        return mapper.details(viewer, concern);
    }

    /** How a reporter without the passcode reaches the team: the name and phone of the municipality's profile. */
    StaffMail.TeamContact teamContact(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String team = (english ? profile.team().en() : profile.team().da()) + ", "
                + (english ? profile.municipality().en() : profile.municipality().da());
        return new StaffMail.TeamContact(team, profile.phone());
    }

    /**
     * Stores an answer that came off the queue, audits it and tells the team. An answer to a question that is gone (the
     * concern's personal data was erased meanwhile) is dropped; one that was stored already is not stored again.
     *
     * @return whether the answer was stored now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean receive(ReporterAnswered answer) {
        ConcernQuestionEntity question = questions.findForUpdate(answer.questionId());
        if (question == null) {
            LOG.infof("answer %s to question %s dropped: the question no longer exists", answer.messageId(),
                    answer.questionId());
            return false;
        }
        if (question.answerReceivedAt != null) {
            return false;
        }
        ConcernEntity concern = concerns.findById(question.concernId);
        if (!concern.reference.equals(answer.reference())) {
            // Intake marked the question of this reference answered: a mismatch is a bug, never something to store.
            throw new IllegalStateException("answer " + answer.messageId() + " names another concern than question "
                    + question.id);
        }
        Instant now = clock.instant();
        question.answer = answer.answer();
        question.answeredAt = answer.answeredAt();
        question.answerReceivedAt = now;
        audit.record(REPORTER, AuditLog.Action.REPORTER_ANSWERED, concern.id,
                Map.of("questionId", question.id.toString()));
        tellTeam(concern);
        return true;
    }

    /** The contact person holding the concern, or else the coordinators' inbox; a reference and a link, nothing more. */
    private void tellTeam(ConcernEntity concern) {
        String to = concern.assignedTo == null ? null
                : contactPersons.findBySubject(concern.assignedTo).map(p -> p.email).filter(e -> e != null && !e.isBlank())
                        .orElse(null);
        if (to == null) {
            to = mail.coordinatorsInbox().orElse(null);
        }
        if (to == null) {
            LOG.warnf("the reporter of %s answered, but nobody is told by mail: the concern's contact person has no "
                    + "address and skp.staff.mail.coordinators-inbox is not set", concern.reference);
            return;
        }
        mail.reporterAnswered(to, concern.reference, concern.id, mail.language());
    }
}
