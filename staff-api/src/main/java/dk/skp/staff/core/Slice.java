package dk.skp.staff.core;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list. The query fetched {@code limit + 1} rows: the extra row is never shown, it
 * only tells that another page follows, whose cursor is made from the last row shown.
 */
public record Slice<T>(List<T> rows, T last) {

    public static <T> Slice<T> of(List<T> fetched, int limit) {
        boolean more = fetched.size() > limit;
        List<T> page = more ? fetched.subList(0, limit) : fetched;
        return new Slice<>(page, more ? page.get(page.size() - 1) : null);
    }

    /** The next page's cursor, or null when this is the last page. */
    public String next(Function<T, String> cursor) {
        return last == null ? null : cursor.apply(last);
    }

    /** What every list's audit row says about the page, after its criteria. */
    public void describe(Map<String, Object> criteria, String after, int limit) {
        criteria.put("after", after);
        criteria.put("limit", limit);
        criteria.put("results", rows.size());
    }
}
