package dk.skp.staff.lifecycle;

import static dk.skp.staff.core.FieldRules.blank;
import static dk.skp.staff.core.FieldRules.failIfAny;
import static dk.skp.staff.core.FieldRules.invalid;
import static dk.skp.staff.core.FieldRules.trimmed;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.ConcernAccess;
import dk.skp.staff.core.ConcernChanges;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ConcernMapper;
import dk.skp.staff.core.ConcernViews;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.repository.ContactAttemptRepository;
import dk.skp.staff.core.ConcernCommands.CitizenConsent;
import dk.skp.staff.core.ConcernCommands.CloseDecision;
import dk.skp.staff.core.ConcernCommands.LinkTo;
import dk.skp.staff.core.ConcernCommands.TriageDecision;
import dk.skp.staff.core.ConcernCommands.VisitTeamDecision;
import dk.skp.staff.core.Lifecycle.Move;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.vocabulary.TriageOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A coordinator's decisions about a concern: triage, closing, reopening, links and the visit team. */
@ApplicationScoped
public class ConcernLifecycleService {

    private final ConcernRepository concerns;
    private final ContactAttemptRepository attempts;
    private final ConcernAccess access;
    private final ConcernChanges changes;
    private final ConcernMapper mapper;
    private final Clock clock;

    public ConcernLifecycleService(ConcernRepository concerns, ContactAttemptRepository attempts, ConcernAccess access,
            ConcernChanges changes, ConcernMapper mapper, Clock clock) {
        this.concerns = concerns;
        this.attempts = attempts;
        this.access = access;
        this.changes = changes;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public ConcernDetails triage(Viewer viewer, UUID id, long expectedVersion, TriageDecision decision) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        ConcernStatus before = changes.move(concern, switch (decision.outcome()) {
            case ACCEPTED -> Move.TRIAGE;
            case REDIRECTED -> Move.REDIRECT;
            case DUPLICATE -> Move.MARK_DUPLICATE;
            case OUTSIDE_TARGET_GROUP -> Move.MARK_OUTSIDE_TARGET_GROUP;
        });
        ConcernEntity original = checkTriage(concern, decision);

        concern.triageOutcome = decision.outcome();
        concern.priority = decision.priority();
        concern.targetGroups = decision.targetGroups() == null ? null : decision.targetGroups().stream().distinct().toList();
        concern.district = trimmed(decision.district());
        concern.triageReason = trimmed(decision.reason());
        concern.redirectedTo = decision.outcome() == TriageOutcome.REDIRECTED ? trimmed(decision.redirectedTo()) : null;
        concern.duplicateOf = original == null ? null : original.id;
        concern.triagedAt = clock.instant();
        concern.triagedBy = viewer.subject();

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", decision.outcome().name());
        if (decision.priority() != null) {
            details.put("priority", decision.priority().name());
        }
        if (original != null) {
            details.put("duplicateOf", original.id.toString());
            // A duplicate is about the same person: link it, so the two are read together, never merged.
            linkTogether(viewer, concern, original);
        }
        changes.record(viewer, concern, before, AuditLog.Action.TRIAGE, details);
        return mapper.details(viewer, concern);
    }

    /** The rules that depend on the outcome; returns the original for a duplicate. */
    private ConcernEntity checkTriage(ConcernEntity concern, TriageDecision d) {
        List<FieldError> errors = new ArrayList<>();
        ConcernEntity original = null;
        switch (d.outcome()) {
            case ACCEPTED -> {
                if (d.priority() == null) {
                    errors.add(new FieldError("priority", "rule.triage.accepted"));
                }
                if (d.targetGroups() == null || d.targetGroups().isEmpty()) {
                    errors.add(new FieldError("targetGroups", "rule.triage.accepted"));
                }
                if (blank(d.district())) {
                    errors.add(new FieldError("district", "rule.triage.accepted"));
                }
            }
            case REDIRECTED -> {
                if (blank(d.redirectedTo())) {
                    errors.add(new FieldError("redirectedTo", "rule.triage.redirectedTo"));
                }
            }
            case DUPLICATE -> {
                if (d.duplicateOf() == null) {
                    errors.add(new FieldError("duplicateOf", "rule.triage.duplicateOf"));
                } else if (d.duplicateOf().equals(concern.id)) {
                    errors.add(new FieldError("duplicateOf", "rule.concern.other"));
                } else {
                    original = concerns.findByIdOptional(d.duplicateOf()).orElse(null);
                    if (original == null) {
                        errors.add(new FieldError("duplicateOf", "rule.concern.unknown"));
                    } else if (original.erasedAt != null) {
                        // Nothing is left of it to read together with this one: this one is the concern now.
                        errors.add(new FieldError("duplicateOf", "rule.concern.erased"));
                    }
                }
            }
            case OUTSIDE_TARGET_GROUP -> {
                // The outcome says it all; a reason is welcome but not required.
            }
        }
        failIfAny(errors);
        return original;
    }

    @Transactional
    public ConcernDetails close(Viewer viewer, UUID id, long expectedVersion, CloseDecision decision) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        ConcernStatus before = changes.move(concern, Move.CLOSE);
        long attemptsMade = attempts.countForConcern(concern.id);
        List<FieldError> errors = new ArrayList<>();
        switch (decision.reason()) {
            case HANDED_OVER -> {
                if (blank(decision.handedOverTo())) {
                    errors.add(new FieldError("handedOverTo", "rule.close.handedOverTo"));
                }
            }
            case OTHER -> {
                if (blank(decision.note())) {
                    errors.add(new FieldError("note", "rule.close.note"));
                }
            }
            case NOT_FOUND -> {
                if (attemptsMade == 0) {
                    errors.add(new FieldError("reason", "rule.close.notFound"));
                }
            }
            case DECLINED, MOVED, DECEASED -> {
                // The reason says enough.
            }
        }
        checkConsent(decision, errors);
        failIfAny(errors);

        concern.closingReason = decision.reason();
        concern.handedOverTo = trimmed(decision.handedOverTo());
        concern.closingNote = trimmed(decision.note());
        concern.attemptsAtClosing = (int) attemptsMade;
        CitizenConsent consent = decision.consent();
        switch (decision.reason()) {
            case HANDED_OVER -> {
                concern.consentAgreed = true;
                concern.consentServices = consent.services().stream().distinct().toList();
                concern.consentDataSharing = consent.dataSharing();
            }
            case DECLINED -> {
                // That the citizen said no is what DECLINED means, whether or not the services offered are named.
                concern.consentAgreed = false;
                concern.consentServices = consent == null || consent.services() == null ? List.of()
                        : consent.services().stream().distinct().toList();
                concern.consentDataSharing = null;
            }
            default -> clearConsent(concern);
        }
        concern.closedAt = clock.instant();
        concern.closedBy = viewer.subject();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", decision.reason().name());
        details.put("attempts", attemptsMade);
        if (concern.consentAgreed != null) {
            details.put("consentAgreed", concern.consentAgreed);
        }
        changes.record(viewer, concern, before, AuditLog.Action.CLOSE, details);
        return mapper.details(viewer, concern);
    }

    /**
     * The citizen's say belongs to the two endings that are about it: HANDED_OVER needs it whole (they agreed, to
     * what, and whether SKP may pass their data on: handing over takes SKP knowing and passing on their data); a
     * citizen who said no is DECLINED, which may name what was offered; any other ending has nothing to record.
     */
    private static void checkConsent(CloseDecision decision, List<FieldError> errors) {
        CitizenConsent consent = decision.consent();
        switch (decision.reason()) {
            case HANDED_OVER -> {
                if (consent == null) {
                    errors.add(new FieldError("consent", "rule.close.consent.required"));
                    return;
                }
                if (Boolean.FALSE.equals(consent.agreed())) {
                    errors.add(new FieldError("consent.agreed", "rule.close.consent.agreed"));
                }
                if (consent.services() == null || consent.services().isEmpty()) {
                    errors.add(new FieldError("consent.services", "rule.close.consent.services"));
                }
                if (consent.dataSharing() == null) {
                    errors.add(new FieldError("consent.dataSharing", "rule.close.consent.dataSharing"));
                }
            }
            case DECLINED -> {
                if (consent == null) {
                    return;
                }
                if (Boolean.TRUE.equals(consent.agreed())) {
                    errors.add(new FieldError("consent.agreed", "rule.close.consent.declined"));
                }
                if (consent.dataSharing() != null) {
                    errors.add(new FieldError("consent.dataSharing", "rule.close.consent.noDataSharing"));
                }
            }
            default -> {
                if (consent != null) {
                    errors.add(new FieldError("consent", "rule.close.consent.notApplicable"));
                }
            }
        }
    }

    private static void clearConsent(ConcernEntity concern) {
        concern.consentAgreed = null;
        concern.consentServices = null;
        concern.consentDataSharing = null;
    }

    /**
     * Work starts again from triage. The assignment is dropped: whoever held the concern may have moved on, and the
     * coordinator assigns it afresh (the suggestions show who fits now). The referrer's contact data, erased as the
     * work ended, stays erased; a concern whose personal data is erased cannot be reopened at all (409, see
     * {@link ConcernAccess#changeable}).
     */
    @Transactional
    public ConcernDetails reopen(Viewer viewer, UUID id, long expectedVersion) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        ConcernStatus before = changes.move(concern, Move.REOPEN);
        String previousAssignee = concern.assignedTo;
        concern.assignedTo = null;
        concern.assignedAt = null;
        concern.closingReason = null;
        concern.handedOverTo = null;
        concern.closingNote = null;
        concern.attemptsAtClosing = null;
        concern.closedAt = null;
        concern.closedBy = null;
        clearConsent(concern);
        Map<String, Object> details = new LinkedHashMap<>();
        if (previousAssignee != null) {
            details.put("unassigned", previousAssignee);
        }
        changes.record(viewer, concern, before, AuditLog.Action.REOPEN, details);
        return mapper.details(viewer, concern);
    }

    /** Links two concerns about the same person, and with them every concern already linked to either. */
    @Transactional
    public ConcernDetails link(Viewer viewer, UUID id, long expectedVersion, LinkTo request) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        if (request.concernId().equals(concern.id)) {
            throw invalid("concernId", "rule.concern.other");
        }
        ConcernEntity other = concerns.findByIdOptional(request.concernId())
                .orElseThrow(() -> invalid("concernId", "rule.concern.unknown"));
        if (other.erasedAt != null) {
            throw invalid("concernId", "rule.concern.erased"); // a link to an anonymous statistic links nothing
        }
        if (concern.linkGroup != null && concern.linkGroup.equals(other.linkGroup)) {
            throw new ProblemException(ProblemType.CONFLICT, "link.already");
        }
        linkTogether(viewer, concern, other);
        changes.record(viewer, concern, concern.status, AuditLog.Action.LINK, Map.of("with", other.id.toString()));
        return mapper.details(viewer, concern);
    }

    /**
     * Makes {@code concern}, {@code other} and everything linked to either one link group. Every concern whose links
     * change gets a new version and an audit row of its own; {@code concern}'s is written by the caller.
     */
    private void linkTogether(Viewer viewer, ConcernEntity concern, ConcernEntity other) {
        if (concern.linkGroup != null && concern.linkGroup.equals(other.linkGroup)) {
            return;
        }
        // Read every member before changing any, so that no query flushes a half-joined group.
        Set<ConcernEntity> members = new LinkedHashSet<>(List.of(concern, other));
        for (UUID group : new UUID[] { concern.linkGroup, other.linkGroup }) {
            if (group != null) {
                members.addAll(concerns.inLinkGroup(group));
            }
        }
        UUID joined = concern.linkGroup != null ? concern.linkGroup
                : other.linkGroup != null ? other.linkGroup : UUID.randomUUID();
        members.forEach(c -> c.linkGroup = joined);
        for (ConcernEntity c : members) {
            if (c != concern) {
                changes.record(viewer, c, c.status, AuditLog.Action.LINK, Map.of("with", concern.id.toString()));
            }
        }
    }

    /** Takes the concern out of its link group: it turned out to be about someone else. */
    @Transactional
    public ConcernDetails unlink(Viewer viewer, UUID id, long expectedVersion) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        if (concern.linkGroup == null) {
            throw new ProblemException(ProblemType.CONFLICT, "link.none");
        }
        List<ConcernEntity> remaining = concerns.inLinkGroup(concern.linkGroup).stream()
                .filter(c -> !c.id.equals(concern.id)).toList();
        concern.linkGroup = null;
        for (ConcernEntity c : remaining) {
            if (remaining.size() == 1) {
                c.linkGroup = null; // a group of one links nothing
            }
            changes.record(viewer, c, c.status, AuditLog.Action.UNLINK, Map.of("with", concern.id.toString()));
        }
        changes.record(viewer, concern, concern.status, AuditLog.Action.UNLINK,
                Map.of("formerlyWith", remaining.stream().map(c -> c.id.toString()).toList()));
        return mapper.details(viewer, concern);
    }

    @Transactional
    public ConcernViews.SafetyBriefing decideVisitTeam(Viewer viewer, UUID id, long expectedVersion,
            VisitTeamDecision decision) {
        ConcernEntity concern = access.changeable(viewer, id, expectedVersion);
        concern.visitTeam = decision.team();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("team", decision.team() == null ? "SUGGESTED" : decision.team().name());
        changes.record(viewer, concern, concern.status, AuditLog.Action.VISIT_TEAM, details);
        return ConcernMapper.briefing(concern);
    }
}
