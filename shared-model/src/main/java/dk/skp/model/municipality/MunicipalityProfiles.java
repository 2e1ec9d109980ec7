package dk.skp.model.municipality;

import dk.skp.model.municipality.MunicipalityProfile.ChildWelfare;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the municipality's profile: a built-in one by name ({@link #BUILT_IN}) or a file of the same form that a
 * municipality writes for itself (UTF-8 properties; see the built-in files for every key). Both services read the
 * same setting, {@code skp.municipality.profile}. Everything is checked at once and every problem is named, because
 * the file is edited by hand and a deployment should refuse to start rather than show a wrong phone number.
 */
public final class MunicipalityProfiles {

    public static final List<String> BUILT_IN = List.of("odense", "guldborgsund");
    public static final String SETTING = "skp.municipality.profile";

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ]{6,18}[0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{4}");
    private static final Set<String> KEYS = Set.of("municipality.da", "municipality.en", "team.da", "team.en", "unit.da",
            "unit.en", "phone", "email", "hours.da", "hours.en", "outside-hours.da", "outside-hours.en", "child-welfare.url",
            "child-welfare.phone", "child-welfare.name.da", "child-welfare.name.en", "target-group.da", "target-group.en",
            "postcodes", "outside-area", "erase-after");

    private MunicipalityProfiles() {
    }

    /**
     * Checks a profile without starting a service (bin/run does, before it starts them):
     * {@code java -cp shared-model.jar dk.skp.model.municipality.MunicipalityProfiles odense|FILE}.
     */
    public static void main(String[] args) {
        try {
            MunicipalityProfile profile = load(args.length == 0 ? null : args[0]);
            System.out.printf("municipality profile %s: %s, %s; phone %s; %d postcodes (%s outside them); erase after %s%n",
                    profile.id(), profile.municipality().da(), profile.team().da(),
                    profile.phone() == null ? "not set" : profile.phone(), profile.postcodes().size(),
                    profile.outsideArea().name().toLowerCase(Locale.ROOT), profile.eraseAfter());
        } catch (InvalidProfileException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * @param nameOrPath a built-in profile's name, or the path of a profile file
     * @throws InvalidProfileException naming every missing or malformed setting
     */
    public static MunicipalityProfile load(String nameOrPath) {
        String source = nameOrPath == null ? "" : nameOrPath.strip();
        if (source.isEmpty()) {
            throw new InvalidProfileException("(none)", List.of("set " + SETTING + " (env SKP_MUNICIPALITY_PROFILE) to one of "
                    + BUILT_IN + " or to the path of your own profile file"));
        }
        if (NAME.matcher(source).matches() && BUILT_IN.contains(source)) {
            try (InputStream in = MunicipalityProfiles.class.getResourceAsStream(source + ".properties")) {
                return parse(source, source, read(in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in profile " + source, e);
            }
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new InvalidProfileException(source, List.of("there is no built-in profile of that name " + BUILT_IN
                    + " and no file at " + file.toAbsolutePath()));
        }
        try (InputStream in = Files.newInputStream(file)) {
            String id = file.getFileName().toString().replaceFirst("\\.properties$", "");
            return parse(id, file.toAbsolutePath().toString(), read(in));
        } catch (IOException e) {
            throw new InvalidProfileException(source, List.of("cannot read the file: " + e.getMessage()));
        }
    }

    private static Properties read(InputStream in) throws IOException {
        Properties properties = new Properties();
        // UTF-8, not the ISO-8859-1 of Properties.load(InputStream): the texts are Danish.
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static MunicipalityProfile parse(String id, String source, Properties p) {
        List<String> problems = new ArrayList<>();
        new TreeSet<>(p.stringPropertyNames()).stream().filter(key -> !KEYS.contains(key))
                .forEach(key -> problems.add(key + ": not a setting of a profile (a typo?); the settings are " + new TreeSet<>(KEYS)));
        Fields f = new Fields(p, problems);
        LocalizedText municipality = f.text("municipality", true);
        LocalizedText team = f.text("team", true);
        LocalizedText unit = f.text("unit", false);
        String phone = f.matching("phone", PHONE, "a phone number such as 54 73 28 02 or +45 54 73 28 02");
        String email = f.matching("email", EMAIL, "an e-mail address such as skp@kommune.dk");
        LocalizedText hours = f.text("hours", false);
        LocalizedText outsideHours = f.text("outside-hours", true);
        ChildWelfare childWelfare = new ChildWelfare(
                f.matching("child-welfare.url", URL, "a web address starting with https://"),
                f.matching("child-welfare.phone", PHONE, "a phone number such as 65 51 10 00"),
                f.text("child-welfare.name", false));
        LocalizedText targetGroup = f.text("target-group", true);
        TreeSet<String> postcodes = new TreeSet<>();
        String listed = f.value("postcodes");
        if (listed != null) {
            for (String code : listed.split("[,\\s]+")) {
                if (!POSTCODE.matcher(code).matches()) {
                    problems.add("postcodes: '" + code + "' is not a four-digit Danish postcode");
                } else {
                    postcodes.add(code);
                }
            }
        }
        OutsideAreaPolicy outsideArea = OutsideAreaPolicy.WARN;
        String policy = f.value("outside-area");
        if (policy != null) {
            try {
                outsideArea = OutsideAreaPolicy.valueOf(policy.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("outside-area: must be refuse or warn, not '" + policy + "'");
            }
        }
        if (postcodes.size() > MunicipalityProfile.MAX_POSTCODES) {
            problems.add("postcodes: more than " + MunicipalityProfile.MAX_POSTCODES);
        }
        if (outsideArea == OutsideAreaPolicy.REFUSE && postcodes.isEmpty()) {
            problems.add("outside-area: refuse needs the postcodes the team serves (postcodes is empty)");
        }
        String eraseAfter = f.limited("erase-after", 20);
        Period period = null;
        if (eraseAfter == null) {
            problems.add("erase-after: missing; how long after the work with a concern ended its personal data is erased, e.g. P90D");
        } else {
            try {
                period = Period.parse(eraseAfter);
                if (period.isNegative() || period.isZero()) {
                    problems.add("erase-after: must be a period longer than zero, e.g. P90D");
                }
            } catch (DateTimeParseException e) {
                problems.add("erase-after: '" + eraseAfter + "' is not an ISO-8601 period such as P90D or P3M");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(source, problems);
        }
        return new MunicipalityProfile(id, municipality, team, unit, phone, email, hours, outsideHours, childWelfare,
                targetGroup, List.copyOf(postcodes), outsideArea, eraseAfter, retentionNotice(period));
    }

    /** What is kept, for how long and why, with the period staff's retention actually uses. */
    static LocalizedText retentionNotice(Period period) {
        return new LocalizedText(retentionNotice(period, Locale.forLanguageTag("da")), retentionNotice(period, Locale.ENGLISH));
    }

    private static String retentionNotice(Period period, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle("dk.skp.model.municipality.Profile", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> parts = new ArrayList<>();
        add(parts, texts, period.getYears(), "year");
        add(parts, texts, period.getMonths(), "month");
        add(parts, texts, period.getDays(), "day");
        String words = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " " + texts.getString("and") + " " + parts.get(parts.size() - 1);
        return MessageFormat.format(texts.getString("retention"), words);
    }

    private static void add(List<String> parts, ResourceBundle texts, int amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + texts.getString(unit + (amount == 1 ? "" : "s")));
        }
    }

    /** Reads values, collecting what is wrong instead of stopping at the first problem. */
    private record Fields(Properties p, List<String> problems) {

        /** A value, or null when absent or blank (a key left empty to be filled in later counts as absent). */
        String value(String key) {
            String value = p.getProperty(key);
            return value == null || value.isBlank() ? null : value.strip();
        }

        LocalizedText text(String key, boolean required) {
            String da = limited(key + ".da", MunicipalityProfile.TEXT_MAX_LENGTH);
            String en = limited(key + ".en", MunicipalityProfile.TEXT_MAX_LENGTH);
            if (da == null && en == null) {
                if (required) {
                    problems.add(key + ".da, " + key + ".en: missing; both the Danish and the English text are needed");
                }
                return null;
            }
            if (da == null || en == null) {
                problems.add((da == null ? key + ".da" : key + ".en") + ": missing; give the text in Danish (.da) and English (.en)");
                return null;
            }
            return new LocalizedText(da, en);
        }

        /** A value no longer than the API documents it (MunicipalityProfile's @Schema), else a problem and null. */
        String limited(String key, int maxLength) {
            String value = value(key);
            if (value != null && value.length() > maxLength) {
                problems.add(key + ": longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }

        String matching(String key, Pattern pattern, String expected) {
            String value = limited(key, MunicipalityProfile.VALUE_MAX_LENGTH);
            if (value != null && !pattern.matcher(value).matches()) {
                problems.add(key + ": '" + value + "' is not " + expected);
                return null;
            }
            return value;
        }
    }
}
