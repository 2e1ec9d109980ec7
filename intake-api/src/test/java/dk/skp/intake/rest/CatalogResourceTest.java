package dk.skp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.skp.intake.Examples;
import dk.skp.intake.IntakeDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class CatalogResourceTest {

    @Test
    void theCatalogHasEverythingAFormNeedsInBothLanguages() {
        given().when().get("/api/v1/catalog").then().statusCode(200)
                .header("Cache-Control", containsString("max-age"))
                .body("version", equalTo(1))
                .body("languages", hasItems("da", "en"))
                .body("vocabularies.ReporterRole.code", hasItems("NEIGHBOUR", "POLICE", "SELF"))
                .body("vocabularies.ReporterRole", hasSize(12))
                .body("vocabularies.ReporterRole.find { it.code == 'NEIGHBOUR' }.label.da", equalTo("Nabo"))
                .body("vocabularies.AgeBand.code", hasItems("UNDER_18", "18_29", "67_PLUS"))
                .body("vocabularies.Indicator", hasSize(12))
                .body("vocabularies.keySet()", hasItems("ReporterRole", "Anonymity", "AgeBand", "Gender", "KnowsAboutReport",
                        "Regularity", "Urgency", "Indicator"))
                .body("fields.find { it.path == 'whereabouts.postcode' }.pattern", equalTo("[0-9]{4}"))
                .body("fields.find { it.path == 'observations.description' }.maxLength", equalTo(4000))
                .body("fields.find { it.path == 'observations.indicators' }.type", equalTo("codes"))
                .body("fields.find { it.path == 'observations.indicators' }.required", equalTo(true))
                .body("fields.find { it.path == 'whereabouts.placeDescription' }.help.en", containsString("bench"))
                .body("fields.find { it.path == 'reporter.anonymity' }.label.da", equalTo("Hvordan vil du optræde?"))
                .body("rules.find { it.whenValues == ['ANONYMOUS'] }.forbidden", hasItem("reporter.email"))
                .body("rules.find { it.whenField == 'person.ageBand' }.refusal.en", containsString("underretning"))
                .body("serviceNotice.da", containsString("112"))
                .body("acuteDangerNotice.en", containsString("112"));
    }

    @Test
    void everyFieldOfTheContractIsInTheCatalog() throws Exception {
        var fields = given().when().get("/api/v1/catalog").then().extract().jsonPath().getList("fields.path");
        assertEquals(ConcernResourceTest.fieldPaths(new ObjectMapper().readTree(Examples.read(Examples.POLICE_PARTNER))),
                new java.util.TreeSet<>(fields));
    }

    @Test
    void theOpenApiExamplesAreTheSharedExamples() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(Examples.read(Examples.ANONYMOUS_NEIGHBOUR)), json.readTree(ConcernExamples.ANONYMOUS_NEIGHBOUR));
        assertEquals(json.readTree(Examples.read(Examples.POLICE_PARTNER)), json.readTree(ConcernExamples.POLICE_PARTNER));
    }
}
