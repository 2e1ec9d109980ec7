package dk.skp.staff;

import dk.skp.model.db.TestDatabase;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the tests of the packaged system as processes (FaultsIT, ScaleOutIT) share: the concern they submit, and how
 * they count what the database holds and what the mail server received.
 */
final class SystemChecks {

    static final Pattern REFERENCE = Pattern.compile("SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private SystemChecks() {
    }

    /** A neighbour's concern for intake's public API, from a reporter at {@code address} who wants a receipt. */
    static String publicConcern(String address, boolean urgent) {
        return """
                {"reporter": {"role": "NEIGHBOUR", "anonymity": "NAMED", "name": "Test Reporter", "email": "%s",
                              "wantsStatusUpdates": false},
                 "person": {"ageBand": "50_66", "gender": "MALE", "appearance": "Grey beard", "language": "da",
                            "knowsAboutReport": "NO"},
                 "whereabouts": {"address": "Vestergade 12", "postcode": "5000", "regularity": "DAILY"},
                 "observations": {"indicators": ["SOCIAL_ISOLATION"], "description": "Not seen for two weeks."},
                 "urgency": "%s", "acuteDanger": false, "language": "en"}""".formatted(address,
                urgent ? "URGENT" : "SOON");
    }

    /** The single number {@code query} returns, as the database's superuser. */
    static long count(TestDatabase db, String query) throws SQLException {
        try (Connection admin = db.admin(); Statement sql = admin.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    static String recipients(MimeMessage mail) throws MessagingException {
        Address[] to = mail.getAllRecipients();
        return to == null ? "" : java.util.Arrays.stream(to).map(Address::toString).collect(Collectors.joining(","));
    }

    /** Of one kind of mail: which expected references got none, and which got more than one. */
    record MailCount(int expected, int delivered, List<String> missing, List<String> duplicated) {

        static MailCount of(Set<String> expected, Map<String, Integer> delivered) {
            List<String> missing = expected.stream().filter(r -> !delivered.containsKey(r)).sorted().toList();
            List<String> duplicated = delivered.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(e -> e.getKey() + " x" + e.getValue()).sorted().toList();
            List<String> unexpected = delivered.keySet().stream().filter(r -> !expected.contains(r)).sorted().toList();
            List<String> wrong = new ArrayList<>(missing);
            unexpected.forEach(r -> wrong.add(r + " (no such concern)"));
            return new MailCount(expected.size(), delivered.values().stream().mapToInt(Integer::intValue).sum(), wrong,
                    duplicated);
        }
    }
}
