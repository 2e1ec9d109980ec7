package dk.skp.staff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * staff-api's packages in layers, from the top: the queue's consumers (a door in, like the resources); the features,
 * each a package with its resource, service and what only it reads; core, what every feature stands on (the concern's
 * views and commands, the lifecycle table, the access check, the changes every move makes, the audit log, deadlines,
 * paging); repository, the concern's tables; then mail, security, rest (what every resource shares) and config,
 * vocabulary and web at the bottom. No package uses one above it, and a feature uses another only where this class
 * says why.
 */
class LayersTest {

    private static final String STAFF = "dk.skp.staff.";

    /** Each feature, and the features it may use, with why. */
    private static final Map<String, Set<String>> FEATURES = Map.ofEntries(
            Map.entry("admin", Set.of()),
            Map.entry("assignment", Set.of()),
            Map.entry("audit", Set.of()),
            Map.entry("contact", Set.of()),
            Map.entry("entry", Set.of()),
            Map.entry("lifecycle", Set.of()),
            Map.entry("me", Set.of()),
            Map.entry("municipality", Set.of()),
            Map.entry("overdue", Set.of()),
            Map.entry("questions", Set.of()),
            // GET /concerns/overdue, beside the other lists of concerns, is the overdue list
            Map.entry("reading", Set.of("overdue")),
            // retention also discards the dead queue messages that are past their time, as the admin's service does
            Map.entry("retention", Set.of("admin")),
            Map.entry("search", Set.of()),
            Map.entry("statistics", Set.of()));

    private static final List<String> BELOW_FEATURES = List.of("core", "repository", "mail", "security", "rest",
            "config", "vocabulary", "web");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.skp.staff");

    private static String[] packages(Stream<String> names) {
        return names.map(name -> STAFF + name + "..").toArray(String[]::new);
    }

    @Test
    void noPackageUsesAPackageAboveIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("queue").definedBy(STAFF + "queue..")
                .layer("features").definedBy(packages(FEATURES.keySet().stream()))
                .layer("core").definedBy(STAFF + "core..")
                .layer("repository").definedBy(STAFF + "repository..")
                .layer("mail").definedBy(STAFF + "mail..")
                .layer("security").definedBy(STAFF + "security..")
                .layer("rest").definedBy(STAFF + "rest..")
                .layer("base").definedBy(STAFF + "config..", STAFF + "vocabulary..")
                .layer("web").definedBy(STAFF + "web..")
                .whereLayer("queue").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("queue")
                .whereLayer("core").mayOnlyBeAccessedByLayers("features", "queue")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("core", "features", "queue")
                .whereLayer("mail").mayOnlyBeAccessedByLayers("repository", "core", "features", "queue")
                .whereLayer("security").mayOnlyBeAccessedByLayers("core", "features", "queue")
                .whereLayer("rest").mayOnlyBeAccessedByLayers("security", "core", "features", "queue")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .check(MAIN);
    }

    @Test
    void aFeatureUsesAnotherOnlyWhereItSaysWhy() {
        List<String> failures = new ArrayList<>();
        FEATURES.forEach((feature, mayUse) -> {
            String[] others = packages(FEATURES.keySet().stream()
                    .filter(other -> !other.equals(feature) && !mayUse.contains(other)));
            EvaluationResult result = noClasses().that().resideInAPackage(STAFF + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .as("the " + feature + " feature uses no other feature" + (mayUse.isEmpty() ? "" : " but " + mayUse))
                    .evaluate(MAIN);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        classes().should().resideInAnyPackage(packages(Stream.of(
                Stream.of("queue"), FEATURES.keySet().stream(), BELOW_FEATURES.stream()).flatMap(s -> s)))
                .as("every class of staff-api is in a package that LayersTest places")
                .check(MAIN);
    }

    @Test
    void noTwoPackagesUseEachOther() {
        slices().matching(STAFF + "(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
