package dk.skp.intake.docs;

import dk.skp.model.docs.ConfigurationTable;
import org.junit.jupiter.api.Test;

/** Every setting of this service is in the README's configuration table, under its environment variable. */
class ConfigurationTableTest {

    @Test
    void theReadmeNamesEverySetting() {
        ConfigurationTable.assertTheReadmeNamesEverySetting();
    }
}
