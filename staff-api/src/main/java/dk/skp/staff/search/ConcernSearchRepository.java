package dk.skp.staff.search;

import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.repository.Jdbc;
import dk.skp.staff.repository.NativeColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concern search and "possibly the same person", on the generated search columns of V17 and their indexes (pg_trgm
 * for addresses, places, names and organisations; Danish full text for appearance and the report's texts). Every
 * query says {@code erased_at IS NULL}: an erased concern is a statistic and takes no part, and the partial indexes
 * hold only the others. pg_trgm lives in the staff schema (see DatabaseBootstrap), which is not on the connection's
 * search path: its functions and operators are named with the schema.
 */
@ApplicationScoped
public class ConcernSearchRepository {

    private static final String WORD_SIMILAR = " OPERATOR(staff.<%) ";
    private static final String SIMILAR = " OPERATOR(staff.%) ";

    /** The parts of the report, by {@code MatchedField} name, that a search with words looks for them in. */
    private static final Map<String, String> TEXT_FIELDS = textFieldPaths();

    private final EntityManager em;

    public ConcernSearchRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Criteria of a search, checked and trimmed; null means "any". {@code receivedBefore} is exclusive.
     * {@code assignedTo} narrows a contact person's search to their own concerns.
     */
    public record Criteria(String address, String postcode, String place, String personName, String appearance,
            ReporterRole reporterRole, String reporterOrganisation, ConcernStatus status, Instant receivedFrom,
            Instant receivedBefore, String q, String assignedTo) {
    }

    /** Where the previous page ended. */
    public record After(BigDecimal rank, Instant receivedAt, UUID id) {
    }

    /**
     * A concern found: its rank (the sum of its scores, six decimals, so that a cursor holds it exactly) and the score
     * of each criterion given (null for those not given); {@code textFields} are the parts of the report that hold
     * words of {@code q}.
     */
    public record Hit(UUID id, BigDecimal rank, Instant receivedAt, Double address, Double place, Double personName,
            Double reporterOrganisation, List<String> textFields) {
    }

    /**
     * Best matches first (rank), then the newest; keyset paging on (rank, received_at, id). Without a text criterion
     * every rank is 0, and the order is the newest first, which the (received_at, id) indexes serve.
     */
    public List<Hit> search(Criteria c, After after, int limit) {
        List<String> where = new ArrayList<>(List.of("c.erased_at IS NULL"));
        List<String> scores = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        String address = similar(c.address(), "c.search_address", "address", where, params);
        String place = similar(c.place(), "c.search_place", "place", where, params);
        String name = similar(c.personName(), "c.search_name", "personName", where, params);
        String organisation = similar(c.reporterOrganisation(), "c.search_organisation", "organisation", where, params);
        for (String score : new String[] { address, place, name, organisation }) {
            if (score != null) {
                scores.add(score);
            }
        }
        if (c.appearance() != null) {
            where.add("c.search_appearance @@ websearch_to_tsquery('danish', :appearance)");
            scores.add("ts_rank(c.search_appearance, websearch_to_tsquery('danish', :appearance))");
            params.put("appearance", c.appearance());
        }
        if (c.q() != null) {
            where.add("c.search_text @@ websearch_to_tsquery('danish', :q)");
            scores.add("ts_rank(c.search_text, websearch_to_tsquery('danish', :q))");
            params.put("q", c.q());
        }
        equal(c.postcode(), "c.search_postcode", "postcode", where, params);
        equal(c.reporterRole() == null ? null : c.reporterRole().name(), "c.reporter_role", "role", where, params);
        equal(c.status() == null ? null : c.status().name(), "c.status", "status", where, params);
        equal(c.assignedTo(), "c.assigned_to", "assignedTo", where, params);
        if (c.receivedFrom() != null) {
            where.add("c.received_at >= :receivedFrom");
            params.put("receivedFrom", c.receivedFrom());
        }
        if (c.receivedBefore() != null) {
            where.add("c.received_at < :receivedBefore");
            params.put("receivedBefore", c.receivedBefore());
        }

        String rank = scores.isEmpty() ? "0::numeric" : "round((" + String.join(" + ", scores) + ")::numeric, 6)";
        StringBuilder sql = new StringBuilder("SELECT id, rank, received_at, address, place, person_name, organisation")
                .append(" FROM (SELECT c.id, c.received_at, ").append(rank).append(" AS rank, ")
                .append(orNull(address)).append(" AS address, ").append(orNull(place)).append(" AS place, ")
                .append(orNull(name)).append(" AS person_name, ").append(orNull(organisation)).append(" AS organisation")
                .append(" FROM staff.concern c WHERE ").append(String.join(" AND ", where)).append(") s");
        if (after != null) {
            sql.append(scores.isEmpty() ? " WHERE (received_at, id) < (:afterAt, :afterId)"
                    : " WHERE (rank, received_at, id) < (:afterRank, :afterAt, :afterId)");
            params.put("afterAt", after.receivedAt());
            params.put("afterId", after.id());
            if (!scores.isEmpty()) {
                params.put("afterRank", after.rank());
            }
        }
        String order = scores.isEmpty() ? " ORDER BY received_at DESC, id DESC" : " ORDER BY rank DESC, received_at DESC, id DESC";
        sql.append(order).append(" LIMIT :limit");
        params.put("limit", limit);
        if (c.q() != null) {
            // Which parts of the report hold the words, for the page only, in the same round trip.
            StringBuilder page = new StringBuilder("SELECT s.id, s.rank, s.received_at, s.address, s.place, s.person_name, s.organisation");
            for (String path : TEXT_FIELDS.values()) {
                page.append(", tsvector_to_array(to_tsvector('danish', coalesce(c.report #>> '").append(path)
                        .append("', ''))) && tsvector_to_array(to_tsvector('danish', :q))");
            }
            // (with words there are scores, so the page is in the order of its rank)
            sql = page.append(" FROM (").append(sql).append(") s JOIN staff.concern c ON c.id = s.id")
                    .append(" ORDER BY s.rank DESC, s.received_at DESC, s.id DESC");
        }

        List<Object[]> rows = rows(sql.toString(), params);
        return rows.stream().map(r -> new Hit(NativeColumns.uuid(r[0]), (BigDecimal) r[1], NativeColumns.instant(r[2]), number(r[3]), number(r[4]),
                number(r[5]), number(r[6]), c.q() == null ? List.of() : textFields(r))).toList();
    }

    /** A named parameter of the queries here: a colon and a name, not a cast's double colon. */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    /**
     * The rows of a query with named parameters, by plain JDBC on the transaction's connection, each column as the
     * driver gives it: a search runs one query per page, and Hibernate's native query would work out the types of its
     * result and bind its parameters anew each time.
     */
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        List<Object> values = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (parameter.find()) {
            if (!params.containsKey(parameter.group(1))) {
                throw new IllegalStateException("no value for :" + parameter.group(1));
            }
            values.add(params.get(parameter.group(1)));
            parameter.appendReplacement(positional, "?");
        }
        parameter.appendTail(positional);
        return Jdbc.query(em, positional.toString(), values, Jdbc::columns);
    }

    private static Map<String, String> textFieldPaths() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("DESCRIPTION", "{observations,description}");
        fields.put("SAFETY_NOTES", "{observations,safetyNotes}");
        fields.put("PERSON_NAME", "{person,name}");
        fields.put("APPEARANCE", "{person,appearance}");
        fields.put("ADDRESS", "{whereabouts,address}");
        fields.put("PLACE", "{whereabouts,placeDescription}");
        fields.put("USUAL_TIMES", "{whereabouts,usualTimes}");
        fields.put("REPORTER_ORGANISATION", "{reporter,organisation}");
        return Collections.unmodifiableMap(fields);
    }

    /** The parts of the report that hold any word of the search (stemmed): the row's columns after the seven. */
    private static List<String> textFields(Object[] row) {
        List<String> matched = new ArrayList<>();
        int i = 7;
        for (String name : TEXT_FIELDS.keySet()) {
            if (Boolean.TRUE.equals(row[i++])) {
                matched.add(name);
            }
        }
        return matched;
    }

    /**
     * What a concern's address, place and name are like, as the search columns hold them; empty when the concern does
     * not exist or is erased.
     */
    public record Traits(String address, String postcode, String place, String personName, UUID linkGroup) {
    }

    public Traits traits(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT search_address, search_postcode, search_place, search_name, link_group
                  FROM staff.concern WHERE id = :id AND erased_at IS NULL""").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Traits((String) r[0], (String) r[1], (String) r[2], (String) r[3], r[4] == null ? null : NativeColumns.uuid(r[4]));
    }

    /**
     * Another concern like one with {@code traits}: which of the three ways it matched, with the similarity of each
     * text compared (null when that trait is missing on either side).
     */
    public record Candidate(UUID id, boolean addressMatch, Double address, boolean placeMatch, Double place,
            boolean nameMatch, Double personName, boolean linked) {
    }

    /**
     * Other concerns, not erased, with a similar address, the same postcode and a similar place description, or a
     * similar name; the most alike first, then the newest. Similar means pg_trgm's similarity of the two texts, or
     * the word similarity of this one within the other ("Vestergade 12" within "Vestergade 12, 2. th."), reaching the
     * threshold skp.staff.search.similarity (set on every pooled connection as it starts: application.properties).
     */
    public List<Candidate> samePerson(UUID id, Traits t, int limit) {
        // Each way is asked on its own, so that each reads its index (an OR across columns would make PostgreSQL
        // read the whole table); the union, with the columns compared, is what may be the same person.
        List<String> ways = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("limit", limit);
        String linked = "false";
        if (t.linkGroup() != null) {
            linked = "coalesce(c.link_group = :linkGroup, false)";
            params.put("linkGroup", t.linkGroup());
        }
        String addressMatch = "false";
        String placeMatch = "false";
        String nameMatch = "false";
        if (t.address() != null) {
            addressMatch = alike("c.search_address", ":address");
            ways.addAll(alikeWays("search_address", ":address", ""));
            params.put("address", t.address());
        }
        if (t.postcode() != null && t.place() != null) {
            placeMatch = "(c.search_postcode = :postcode AND " + alike("c.search_place", ":place") + ")";
            ways.addAll(alikeWays("search_place", ":place", " AND search_postcode = :postcode"));
            params.put("postcode", t.postcode());
            params.put("place", t.place());
        }
        if (t.personName() != null) {
            nameMatch = alike("c.search_name", ":personName");
            ways.addAll(alikeWays("search_name", ":personName", ""));
            params.put("personName", t.personName());
        }
        if (ways.isEmpty()) {
            return List.of();
        }
        String addressScore = t.address() == null ? "NULL::real" : likeness("c.search_address", ":address");
        String placeScore = t.place() == null ? "NULL::real" : likeness("c.search_place", ":place");
        String nameScore = t.personName() == null ? "NULL::real" : likeness("c.search_name", ":personName");
        String sql = "SELECT id, address_match, address, place_match, place, name_match, person_name, linked FROM ("
                + "SELECT c.id, c.received_at, coalesce(" + addressMatch + ", false) AS address_match, " + addressScore
                + " AS address, coalesce(" + placeMatch + ", false) AS place_match, " + placeScore + " AS place, coalesce("
                + nameMatch + ", false) AS name_match, "
                + nameScore + " AS person_name, " + linked + " AS linked"
                + " FROM (" + String.join(" UNION ", ways) + ") c WHERE c.id <> :id) s ORDER BY (CASE WHEN address_match THEN address ELSE 0 END"
                + " + CASE WHEN place_match THEN place ELSE 0 END"
                + " + CASE WHEN name_match THEN person_name ELSE 0 END) DESC, received_at DESC, id DESC LIMIT :limit";
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Candidate(NativeColumns.uuid(r[0]), (Boolean) r[1], number(r[2]), (Boolean) r[3],
                number(r[4]), (Boolean) r[5], number(r[6]), (Boolean) r[7])).toList();
    }

    /** A criterion that matches similar texts: the condition goes to {@code where}, the score is returned. */
    private static String similar(String value, String column, String name, List<String> where, Map<String, Object> params) {
        if (value == null) {
            return null;
        }
        where.add(":" + name + WORD_SIMILAR + column);
        params.put(name, value);
        return "staff.word_similarity(:" + name + ", " + column + ")";
    }

    private static void equal(String value, String column, String name, List<String> where, Map<String, Object> params) {
        if (value != null) {
            where.add(column + " = :" + name);
            params.put(name, value);
        }
    }

    /** Both texts alike as a whole, or this one alike a part of the other: each an indexed pg_trgm operator. */
    private static String alike(String column, String param) {
        return "(" + column + SIMILAR + param + " OR " + param + WORD_SIMILAR + column + ")";
    }

    /** The two halves of {@link #alike}, each a query of its own on the column's index, with what is compared. */
    private static List<String> alikeWays(String column, String param, String also) {
        String from = "SELECT id, received_at, link_group, search_address, search_postcode, search_place, search_name"
                + " FROM staff.concern WHERE erased_at IS NULL" + also + " AND ";
        return List.of(from + column + SIMILAR + param, from + param + WORD_SIMILAR + column);
    }

    private static String likeness(String column, String param) {
        return "greatest(staff.similarity(" + column + ", " + param + "), staff.word_similarity(" + param + ", " + column + "))";
    }

    private static String orNull(String score) {
        return score == null ? "NULL::real" : score;
    }


    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

}
