package dk.skp.staff.reading;

import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.ConcernAccess;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ConcernMapper;
import dk.skp.staff.core.ConcernPage;
import dk.skp.staff.core.Slice;
import dk.skp.staff.repository.ConcernEntity;
import dk.skp.staff.repository.ConcernFilter;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ListedConcern;
import dk.skp.staff.core.ConcernViews.LinkedConcerns;
import dk.skp.staff.core.ConcernViews.SafetyBriefing;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import dk.skp.staff.repository.ReporterQuestionRepository;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading concerns. Every read and every search is audited in the same transaction. */
@ApplicationScoped
public class ConcernQueryService {

    public static final int MAX_PAGE_SIZE = 100;

    private final ConcernRepository concerns;
    private final ConcernAccess access;
    private final ConcernMapper mapper;
    private final AuditLog audit;
    private final ReporterQuestionRepository questions;
    private final Clock clock;

    public ConcernQueryService(ConcernRepository concerns, ConcernAccess access, ConcernMapper mapper, AuditLog audit,
            ReporterQuestionRepository questions, Clock clock) {
        this.concerns = concerns;
        this.access = access;
        this.mapper = mapper;
        this.audit = audit;
        this.questions = questions;
        this.clock = clock;
    }

    /**
     * Coordinators search everything; a contact person's search is always narrowed to the concerns they may read: their
     * own, while the work goes on.
     */
    @Transactional
    public ConcernPage list(Viewer viewer, ConcernFilter requested, String after, int limit) {
        ConcernFilter filter = viewer.seesAllConcerns() ? requested : requested.assignedTo(viewer.subject()).withOpenOnly();
        return page(viewer, filter, after, limit);
    }

    /** Triaged concerns nobody holds yet, which any contact person may take. */
    @Transactional
    public ConcernPage claimable(Viewer viewer, String district, String after, int limit) {
        return page(viewer, new ConcernFilter(null, null, null, null, district, true), after, limit);
    }

    private ConcernPage page(Viewer viewer, ConcernFilter filter, String after, int limit) {
        PageCursor cursor = PageCursor.decode(after);
        Slice<ListedConcern> page = Slice.of(concerns.page(filter, cursor == null ? null : cursor.receivedAt(),
                cursor == null ? null : cursor.id(), limit + 1), limit);

        Map<String, Object> criteria = new LinkedHashMap<>();
        putIfPresent(criteria, "status", filter.status());
        putIfPresent(criteria, "reference", filter.reference());
        putIfPresent(criteria, "assignedTo", filter.assignedTo());
        putIfPresent(criteria, "priority", filter.priority());
        putIfPresent(criteria, "district", filter.district());
        if (filter.claimable()) {
            criteria.put("claimable", true);
        }
        page.describe(criteria, after, limit);
        audit.record(viewer, AuditLog.Action.SEARCH, null, criteria);

        return new ConcernPage(mapper.summaries(page.rows()),
                page.next(last -> new PageCursor(last.receivedAt(), last.id()).encode()));
    }

    private static void putIfPresent(Map<String, Object> criteria, String name, Object value) {
        if (value != null) {
            criteria.put(name, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    @Transactional
    public ConcernDetails get(Viewer viewer, UUID id) {
        ConcernEntity concern = access.readable(viewer, id);
        audit.record(viewer, AuditLog.Action.READ, concern.id, null);
        // Whoever opens the concern sees the reporter's new answers: the inbox stops flagging them.
        questions.markAnswersRead(concern.id, clock.instant());
        return mapper.details(viewer, concern);
    }

    /** Every concern shown is a read of that concern, and audited as one. */
    @Transactional
    public LinkedConcerns linked(Viewer viewer, UUID id) {
        ConcernEntity concern = access.readable(viewer, id);
        List<ConcernEntity> group = concern.linkGroup == null ? List.of(concern)
                : concerns.inLinkGroup(concern.linkGroup).stream().filter(c -> ConcernAccess.mayRead(viewer, c)).toList();
        for (ConcernEntity c : group) {
            audit.record(viewer, AuditLog.Action.READ, c.id, Map.of("view", "linked", "from", id.toString()));
        }
        return new LinkedConcerns(group.stream().map(c -> mapper.details(viewer, c)).toList());
    }

    @Transactional
    public SafetyBriefing briefing(Viewer viewer, UUID id) {
        ConcernEntity concern = access.readable(viewer, id);
        audit.record(viewer, AuditLog.Action.BRIEFING_READ, concern.id, null);
        return ConcernMapper.briefing(concern);
    }
}
