package dk.skp.staff.search;

import static dk.skp.staff.core.FieldRules.failIfAny;
import static dk.skp.staff.core.FieldRules.trimmed;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.ConcernAccess;
import dk.skp.staff.core.ConcernMapper;
import dk.skp.staff.core.ConcernSummary;
import dk.skp.staff.core.Slice;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ListedConcern;
import dk.skp.staff.search.ConcernSearchRepository.Candidate;
import dk.skp.staff.search.ConcernSearchRepository.Criteria;
import dk.skp.staff.search.ConcernSearchRepository.Hit;
import dk.skp.staff.search.ConcernSearchRepository.Traits;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.search.SearchViews.ConcernSearchRequest;
import dk.skp.staff.search.SearchViews.MatchKind;
import dk.skp.staff.search.SearchViews.MatchReason;
import dk.skp.staff.search.SearchViews.MatchedField;
import dk.skp.staff.search.SearchViews.SamePersonCandidate;
import dk.skp.staff.search.SearchViews.SearchHit;
import dk.skp.staff.search.SearchViews.SearchPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finding the same person: concern search by what the report says, and the concerns that may be about the same
 * person as a given one. Concerns whose personal data is erased take part in neither. Every search is audited with its
 * criteria, every list of candidates as a read of the concern asked about.
 */
@ApplicationScoped
public class ConcernSearch {

    public static final int DEFAULT_PAGE_SIZE = 20;
    /** Fewer characters than a trigram compare by chance, and cannot use the trigram indexes. */
    static final int MIN_SIMILAR_LENGTH = 3;
    static final int MIN_WORDS_LENGTH = 2;

    private final ConcernSearchRepository search;
    private final ConcernRepository concerns;
    private final ConcernAccess access;
    private final ConcernMapper mapper;
    private final AuditLog audit;
    private final int maxCandidates;
    private final ZoneId zone;

    public ConcernSearch(ConcernSearchRepository search, ConcernRepository concerns, ConcernAccess access,
            ConcernMapper mapper, AuditLog audit, StaffConfig config) {
        this.search = search;
        this.concerns = concerns;
        this.access = access;
        this.mapper = mapper;
        this.audit = audit;
        this.maxCandidates = config.search().maxCandidates();
        this.zone = config.zone();
    }

    /** Coordinators search every concern; a contact person's search is always narrowed to their own. */
    @Transactional
    public SearchPage search(Viewer viewer, ConcernSearchRequest request) {
        Criteria criteria = criteria(request, viewer.seesAllConcerns() ? null : viewer.subject());
        SearchCursor cursor = SearchCursor.decode(request.after());
        int limit = request.limit() == null ? DEFAULT_PAGE_SIZE : request.limit();

        Slice<Hit> page = Slice.of(search.search(criteria, cursor == null ? null : cursor.after(), limit + 1), limit);
        // In the ranked order; a concern deleted since the search query (a discarded queue message) is left out.
        Map<UUID, ListedConcern> byId = concerns.listed(page.rows().stream().map(Hit::id).toList());
        List<Hit> found = page.rows().stream().filter(hit -> byId.containsKey(hit.id())).toList();
        List<SearchHit> hits = new ArrayList<>(found.size());
        for (Hit hit : found) {
            hits.add(new SearchHit(mapper.summary(byId.get(hit.id())), reasons(hit, criteria)));
        }

        Map<String, Object> details = describe(criteria);
        page.describe(details, trimmed(request.after()), limit);
        details.put("shown", found.stream().map(hit -> hit.id().toString()).toList());
        audit.record(viewer, AuditLog.Action.SEARCH, null, details);
        return new SearchPage(hits, page.next(last -> new SearchCursor(last.rank(), last.receivedAt(), last.id()).encode()));
    }

    /**
     * Other concerns that may be about the same person as concern {@code id}: a similar address, the same postcode and
     * a similar place description, or a similar name; each with why, and whether it is linked already. None for a
     * concern whose personal data is erased.
     */
    @Transactional
    public List<SamePersonCandidate> samePerson(Viewer viewer, UUID id) {
        ConcernEntity concern = access.readable(viewer, id);
        Traits traits = search.traits(concern.id);
        List<Candidate> found = List.of();
        if (traits != null) {
            found = search.samePerson(concern.id, traits, maxCandidates);
        }
        Map<UUID, ListedConcern> byId = concerns.listed(found.stream().map(Candidate::id).toList());
        List<Candidate> shown = found.stream()
                .filter(c -> byId.containsKey(c.id()) && ConcernAccess.mayRead(viewer, byId.get(c.id()))).toList();
        List<ConcernSummary> summaries = mapper.summaries(shown.stream().map(c -> byId.get(c.id())).toList());
        List<SamePersonCandidate> candidates = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            candidates.add(new SamePersonCandidate(summaries.get(i), reasons(shown.get(i)), shown.get(i).linked()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("view", "samePerson");
        details.put("candidates", candidates.size());
        audit.record(viewer, AuditLog.Action.READ, concern.id, details);
        return candidates;
    }

    private Criteria criteria(ConcernSearchRequest r, String assignedTo) {
        List<FieldError> errors = new ArrayList<>();
        String address = text("address", r.address(), MIN_SIMILAR_LENGTH, errors);
        String place = text("place", r.place(), MIN_SIMILAR_LENGTH, errors);
        String personName = text("personName", r.personName(), MIN_SIMILAR_LENGTH, errors);
        String organisation = text("reporterOrganisation", r.reporterOrganisation(), MIN_SIMILAR_LENGTH, errors);
        String appearance = text("appearance", r.appearance(), MIN_WORDS_LENGTH, errors);
        String q = text("q", r.q(), MIN_WORDS_LENGTH, errors);
        String postcode = trimmed(r.postcode());
        if (r.receivedFrom() != null && r.receivedTo() != null && r.receivedTo().isBefore(r.receivedFrom())) {
            errors.add(new FieldError("receivedTo", "search.receivedRange"));
        }
        failIfAny(errors);
        if (address == null && place == null && personName == null && organisation == null && appearance == null
                && q == null && postcode == null && r.reporterRole() == null && r.status() == null
                && r.receivedFrom() == null && r.receivedTo() == null) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "search.empty");
        }
        return new Criteria(address, postcode, place, personName, appearance, r.reporterRole(), organisation,
                r.status(), startOf(r.receivedFrom()), r.receivedTo() == null ? null : startOf(r.receivedTo().plusDays(1)),
                q, assignedTo);
    }

    private static String text(String field, String value, int minLength, List<FieldError> errors) {
        String text = trimmed(value);
        if (text != null && text.codePointCount(0, text.length()) < minLength) {
            errors.add(new FieldError(field, minLength == MIN_SIMILAR_LENGTH ? "search.tooShort" : "search.tooShortWords"));
        }
        return text;
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    /** The audit row's criteria: what was asked, as asked, and whose concerns a contact person's search covered. */
    /**
     * The audit row of a search: codes as given, and of the words typed (addresses, places, names, appearance,
     * organisations, free text) only which were given. Those are personal data: kept in the audit trail, they would
     * outlive the concerns they were about by the audit's retention and make it the register SKP must not keep. The
     * ids of the concerns the search showed say what the searcher saw, which is what an audit must answer.
     */
    private static Map<String, Object> describe(Criteria c) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> typed = new ArrayList<>();
        typed(typed, "address", c.address());
        typed(typed, "place", c.place());
        typed(typed, "personName", c.personName());
        typed(typed, "appearance", c.appearance());
        typed(typed, "reporterOrganisation", c.reporterOrganisation());
        typed(typed, "q", c.q());
        if (!typed.isEmpty()) {
            details.put("typed", typed);
        }
        put(details, "postcode", c.postcode());
        put(details, "reporterRole", c.reporterRole() == null ? null : c.reporterRole().name());
        put(details, "status", c.status() == null ? null : c.status().name());
        put(details, "receivedFrom", c.receivedFrom() == null ? null : c.receivedFrom().toString());
        put(details, "receivedBefore", c.receivedBefore() == null ? null : c.receivedBefore().toString());
        put(details, "assignedTo", c.assignedTo());
        return details;
    }

    private static void typed(List<String> typed, String name, String value) {
        if (value != null) {
            typed.add(name);
        }
    }

    private static void put(Map<String, Object> details, String name, Object value) {
        if (value != null) {
            details.put(name, value);
        }
    }

    private static List<MatchReason> reasons(Hit hit, Criteria c) {
        List<MatchReason> reasons = new ArrayList<>();
        alike(reasons, MatchedField.ADDRESS, hit.address());
        if (c.postcode() != null) {
            reasons.add(new MatchReason(MatchedField.POSTCODE, MatchKind.SAME, 1.0));
        }
        alike(reasons, MatchedField.PLACE, hit.place());
        alike(reasons, MatchedField.PERSON_NAME, hit.personName());
        alike(reasons, MatchedField.REPORTER_ORGANISATION, hit.reporterOrganisation());
        if (c.appearance() != null) {
            reasons.add(new MatchReason(MatchedField.APPEARANCE, MatchKind.WORDS, null));
        }
        for (String field : hit.textFields()) {
            reasons.add(new MatchReason(MatchedField.valueOf(field), MatchKind.WORDS, null));
        }
        return reasons.stream().distinct().toList();
    }

    private static List<MatchReason> reasons(Candidate c) {
        List<MatchReason> reasons = new ArrayList<>();
        if (c.addressMatch()) {
            alike(reasons, MatchedField.ADDRESS, c.address());
        }
        if (c.placeMatch()) {
            reasons.add(new MatchReason(MatchedField.POSTCODE, MatchKind.SAME, 1.0));
            alike(reasons, MatchedField.PLACE, c.place());
        }
        if (c.nameMatch()) {
            alike(reasons, MatchedField.PERSON_NAME, c.personName());
        }
        return reasons;
    }

    private static void alike(List<MatchReason> reasons, MatchedField field, Double score) {
        if (score != null) {
            double rounded = Math.round(score * 100) / 100.0;
            reasons.add(new MatchReason(field, rounded >= 1.0 ? MatchKind.SAME : MatchKind.SIMILAR, Math.min(rounded, 1.0)));
        }
    }
}
