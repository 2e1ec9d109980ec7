package dk.skp.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What tests of staff mail look for in a mail, and what must never be in one. */
public final class MailContent {

    public static final Pattern LINKS = Pattern.compile("https?://\\S+");
    public static final Pattern REFERENCES = Pattern.compile("SKP-[0-9A-Z]{4}-[0-9A-Z]{4}");
    /** skp.staff.mail.link-base, as application.properties sets it. */
    public static final String LINK_BASE = "https://skp.example-kommune.dk/concerns/";
    /** What the fixture concern (Messages.fixture) says; none of it may reach a mail. */
    public static final String[] FIXTURE_CONTENT = { "Jens", "Hansen", "politi", "Politi", "11 22 33 44", "Kim", "tent",
            "railway", "5000", "Evenings", "HOMELESS", "SUBSTANCE", "Picked up", "needs outreach", "30_49", "POLICE" };

    private MailContent() {
    }

    /** Every match of {@code pattern} in {@code text}, in order. */
    public static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
