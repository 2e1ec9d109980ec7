package dk.skp.staff.reading;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.core.ConcernMapper;
import dk.skp.staff.core.ConcernSummary;
import dk.skp.staff.core.Slice;
import dk.skp.staff.repository.ConcernRepository;
import dk.skp.staff.repository.ConcernRepository.InboxRow;
import dk.skp.staff.repository.ListedConcern;
import dk.skp.staff.repository.ReporterQuestionRepository;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The coordinator's inbox: every open concern, the one that needs action first on top. */
@ApplicationScoped
public class Inbox {

    public static final int MAX_PAGE_SIZE = 100;
    /** A deadline this close counts as due soon. */
    static final Duration SOON = Duration.ofHours(24);

    @Schema(description = "Why a concern is where it is in the inbox. ACUTE: the reporter said the person is in acute "
            + "danger, URGENT: the reporter said urgent (both while it waits for triage or a contact person); OVERDUE: "
            + "a triage or first-attempt deadline is missed; DUE_SOON: one falls due within 24 hours; WAITING: it waits "
            + "for triage or a contact person; NONE: a contact person works it and nothing is due.")
    public enum Attention {
        // In the order of the inbox's ranks, which ConcernRepository.inbox computes: rank n is values()[n].
        ACUTE, URGENT, OVERDUE, DUE_SOON, WAITING, NONE
    }

    @Schema(description = "A concern in the inbox: its summary, why it is where it is, and what the reporter observed (codes).")
    public record InboxItem(ConcernSummary concern, Attention attention,
            @Schema(description = "The reporter's observations as codes.", maxItems = 12) List<Indicator> indicators,
            @Schema(description = "The reporter answered a question of the team, and nobody has opened the concern since.")
            boolean unreadAnswer) {
    }

    @Schema(description = "One page of the inbox.")
    public record InboxPage(@Schema(maxItems = ApiLimits.PAGE) List<InboxItem> items,
            @Schema(nullable = true, description = "Pass as 'after' for the next page; absent on the last page.", maxLength = ApiLimits.CURSOR) String next) {
    }

    private final ConcernRepository concerns;
    private final ConcernMapper mapper;
    private final AuditLog audit;
    private final Clock clock;
    private final ReporterQuestionRepository questions;

    public Inbox(ConcernRepository concerns, ConcernMapper mapper, AuditLog audit, Clock clock,
            ReporterQuestionRepository questions) {
        this.concerns = concerns;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.questions = questions;
    }

    /** Audited as a search of the inbox, like every list. */
    @Transactional
    public InboxPage page(Viewer viewer, String after, int limit) {
        Instant now = clock.instant();
        Slice<InboxRow> page = Slice.of(concerns.inbox(now, now.plus(SOON), decode(after), limit + 1), limit);
        Map<UUID, ListedConcern> byId = concerns.listed(page.rows().stream().map(InboxRow::id).toList());

        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("view", "inbox");
        page.describe(criteria, after, limit);
        audit.record(viewer, AuditLog.Action.SEARCH, null, criteria);

        // A concern may have moved on between the two queries; its row then shows with what it holds now.
        List<InboxRow> rows = page.rows().stream().filter(row -> byId.containsKey(row.id())).toList();
        List<ListedConcern> inOrder = rows.stream().map(row -> byId.get(row.id())).toList();
        List<ConcernSummary> summaries = mapper.summaries(inOrder);
        java.util.Set<UUID> unread = questions.withUnreadAnswers(rows.stream().map(InboxRow::id).toList());
        List<InboxItem> items = IntStream.range(0, rows.size())
                .mapToObj(i -> new InboxItem(summaries.get(i), Attention.values()[rows.get(i).rank()], inOrder.get(i).indicators(),
                        unread.contains(rows.get(i).id())))
                .toList();
        return new InboxPage(items, page.next(Inbox::encode));
    }

    private static String encode(InboxRow row) {
        String raw = row.rank() + ":" + row.due().getEpochSecond() + ":" + row.due().getNano() + ":"
                + row.receivedAt().getEpochSecond() + ":" + row.receivedAt().getNano() + ":" + row.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static InboxRow decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (p.length != 6) {
                throw new IllegalArgumentException("parts");
            }
            return new InboxRow(UUID.fromString(p[5]), Integer.parseInt(p[0]),
                    Instant.ofEpochSecond(Long.parseLong(p[1]), Long.parseLong(p[2])),
                    Instant.ofEpochSecond(Long.parseLong(p[3]), Long.parseLong(p[4])));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null,
                    List.of(new FieldError("after", "query.after")), null, null);
        }
    }
}
