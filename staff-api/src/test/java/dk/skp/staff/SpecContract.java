package dk.skp.staff;

import dk.skp.model.contract.ResponseContract;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import java.nio.file.Path;

/**
 * Before every @QuarkusTest class: RestAssured checks each /api/ answer against the committed openapi/staff-api.json
 * (registered in META-INF/services; see {@link ResponseContract}).
 */
public class SpecContract implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        ResponseContract.attach(Path.of("../openapi/staff-api.json"));
    }
}
