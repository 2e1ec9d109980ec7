package dk.skp.model.concern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConcernReportValidationTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final ObjectMapper JSON = new ObjectMapper();

    static ConcernReport example(String name) throws Exception {
        try (InputStream in = ConcernReportValidationTest.class.getResourceAsStream("/examples/" + name)) {
            return JSON.readValue(in, ConcernReport.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "concern-anonymous-neighbour.json", "concern-police-partner.json" })
    void theSharedExamplesAreValid(String name) throws Exception {
        assertEquals(Set.of(), VALIDATOR.validate(example(name)));
    }

    @Test
    void violationsNameTheFieldPath() throws Exception {
        ConcernReport valid = example("concern-police-partner.json");
        Whereabouts w = valid.whereabouts();
        ConcernReport invalid = new ConcernReport(valid.reporter(), valid.person(),
                new Whereabouts(w.address(), "50000", w.placeDescription(), w.usualTimes(), null),
                new Observations(java.util.List.of(), "x".repeat(4001), null), null, false, "fr");
        Set<String> paths = VALIDATOR.validate(invalid).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).collect(Collectors.toSet());
        assertEquals(Set.of("whereabouts.postcode", "whereabouts.regularity", "observations.indicators",
                "observations.description", "urgency", "language"), paths);
        assertTrue(paths.size() == 6);
    }
}
