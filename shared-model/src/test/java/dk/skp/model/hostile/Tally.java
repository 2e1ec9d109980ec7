package dk.skp.model.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a hostile run sent and got, printed at the end, and what was wrong with it. */
public final class Tally {

    private final String name;
    private final Map<String, Integer> byStatusClass = new TreeMap<>();
    private final Map<String, Integer> byKind = new TreeMap<>();
    private final Map<String, Integer> byStatus = new TreeMap<>();
    private final Map<String, Long> millisByTarget = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();
    private int sent;
    private int refusedByServer;

    public Tally(String name) {
        this.name = name;
    }

    public void count(String kind, int status) {
        sent++;
        byStatusClass.merge(status / 100 + "xx", 1, Integer::sum);
        byKind.merge(kind, 1, Integer::sum);
        byStatus.merge(String.valueOf(status), 1, Integer::sum);
    }

    /** Time spent on one target (an operation, an endpoint), to show where a slow run spends it. */
    public void took(String target, long millis) {
        millisByTarget.merge(target, millis, Long::sum);
    }

    public void refusedByServer() {
        refusedByServer++;
    }

    public void wrong(String what) {
        if (wrong.size() < 40) {
            wrong.add(what);
        } else if (wrong.size() == 40) {
            wrong.add("... and more");
        }
    }

    /** After a request that was not accepted: none of the tables that keep what clients send may have grown. */
    public void storedNothing(String what, String[] tables, long[] before, long[] after) {
        for (int t = 0; t < after.length; t++) {
            if (after[t] > before[t]) {
                wrong(what + ": " + tables[t] + " grew from " + before[t] + " to " + after[t]);
            }
        }
    }

    public int sent() {
        return sent;
    }

    public List<String> wrongs() {
        return wrong;
    }

    public int count(String statusClass) {
        return byStatusClass.getOrDefault(statusClass, 0);
    }

    public void print(long seed, long millis) {
        System.out.printf("%s: %d hostile requests in %d ms (seed %d)%n  by status class: %s%n  by status: %s%n"
                + "  by mutation: %s%n  refused by the HTTP server before the application (empty body): %d%n"
                + "  wrong: %d%n", name, sent, millis, seed, byStatusClass, byStatus, byKind, refusedByServer,
                wrong.size());
        millisByTarget.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf("  slowest: %s %d ms%n", e.getKey(), e.getValue()));
        wrong.forEach(w -> System.out.println("  WRONG " + w));
    }
}
