package dk.skp.model.docs;

import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the README's configuration table true: every setting a service's {@code @ConfigMapping} interfaces declare must
 * appear there under its environment variable's full name. The interfaces are found in the module's sources, so a new
 * one is checked without anyone listing it.
 */
public final class ConfigurationTable {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    private ConfigurationTable() {
    }

    /**
     * For a service's test (run in its module's folder): its settings, from src/main/java and the ones both services
     * read from shared-model (../shared-model/src/main/java), are all in ../README.md.
     * {@code skp.production} is left out: those are derived from other settings (ProductionSettings), never set by hand.
     */
    public static void assertTheReadmeNamesEverySetting() {
        Path sources = Path.of("src/main/java");
        Set<String> internal = Set.of("skp.production");
        if (variables(sources, internal).size() < 10) {
            throw new AssertionError("fewer than 10 settings found in " + sources.toAbsolutePath() + ": is it a service?");
        }
        Set<String> missing = new TreeSet<>(undocumented(sources, Path.of("../README.md"), internal));
        missing.addAll(undocumented(Path.of("../shared-model/src/main/java"), Path.of("../README.md"), internal));
        if (!missing.isEmpty()) {
            throw new AssertionError("settings missing from the README's configuration table (add a row, or the full "
                    + "name to one): " + missing);
        }
    }

    /**
     * The environment variables of {@code sources}' settings (a module's src/main/java) that the README does not
     * name, leaving out mappings under {@code internalPrefixes} (settings derived from others, never set by hand).
     */
    public static Set<String> undocumented(Path sources, Path readme, Set<String> internalPrefixes) {
        String text = read(readme);
        Set<String> missing = new TreeSet<>();
        for (String variable : variables(sources, internalPrefixes)) {
            if (!Pattern.compile("\\b" + Pattern.quote(variable) + "\\b").matcher(text).find()) {
                missing.add(variable);
            }
        }
        return missing;
    }

    /** Every setting's environment variable (a map's own keys are left at the map's name). */
    public static Set<String> variables(Path sources, Set<String> internalPrefixes) {
        Set<String> variables = new TreeSet<>();
        for (Path source : mappingSources(sources)) {
            String code = read(source);
            Matcher mapping = MAPPING.matcher(code);
            Matcher pkg = PACKAGE.matcher(code);
            if (!mapping.find() || !pkg.find() || internalPrefixes.contains(mapping.group(1))) {
                continue;
            }
            String className = pkg.group(1) + "." + source.getFileName().toString().replace(".java", "");
            Class<?> type;
            try {
                type = Class.forName(className);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("a @ConfigMapping in " + source + " is not on the test class path", e);
            }
            ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(type, mapping.group(1)))
                    .keySet().forEach(name -> variables.add(environmentName(name)));
        }
        return variables;
    }

    /** As SmallRye Config maps a name to the environment: letters and digits upper-cased, the rest '_'. */
    static String environmentName(String property) {
        int wildcard = property.indexOf('*');
        String name = wildcard < 0 ? property : property.substring(0, wildcard);
        name = name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT).replaceAll("_+$", "");
        return name;
    }

    private static List<Path> mappingSources(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> found = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".java")).filter(f -> read(f).contains("@ConfigMapping(prefix"))
                    .forEach(found::add);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
