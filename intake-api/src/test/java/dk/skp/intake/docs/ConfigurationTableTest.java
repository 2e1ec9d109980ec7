package dk.skp.intake.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.docs.ConfigurationTable;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every setting of this service is in the README's configuration table, under its environment variable. */
class ConfigurationTableTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path README = Path.of("../README.md");
    /** Derived from other settings (ProductionSettings), never set by hand. */
    private static final Set<String> INTERNAL = Set.of("skp.production");

    @Test
    void theReadmeNamesEverySetting() {
        assertTrue(ConfigurationTable.variables(SOURCES, INTERNAL).size() > 10, "the settings were found");
        assertEquals(Set.of(), ConfigurationTable.undocumented(SOURCES, README, INTERNAL),
                "settings missing from the README's configuration table (add a row, or the full name to one)");
    }
}
