package dk.skp.staff.admin;

import static dk.skp.staff.ConcernSteps.ADMIN;
import static dk.skp.staff.ConcernSteps.COORDINATOR;
import static dk.skp.staff.ConcernSteps.assign;
import static dk.skp.staff.ConcernSteps.change;
import static dk.skp.staff.ConcernSteps.receive;
import static dk.skp.staff.ConcernSteps.triage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.skp.staff.StaffDatabase;
import dk.skp.staff.Tokens;
import dk.skp.staff.queue.ConcernSubmittedConsumer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StaffDatabase.class, restrictToAnnotatedClass = true)
class ContactPersonAdminResourceTest {

    private static final String BASE = "/api/v1/admin/contact-persons";

    @Inject
    ConcernSubmittedConsumer consumer;

    @Test
    void anAdminAddsChangesListsAndRemovesAContactPerson() {
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"subject": "cp-nina", "name": "Nina Nørgaard", "email": "nina@skp.example",
                 "districts": ["Vollsmose", " Bolbro "], "capacity": 8}""")
                .when().post(BASE)
                .then().statusCode(201)
                .body("subject", equalTo("cp-nina"))
                .body("districts", contains("Vollsmose", "Bolbro"))
                .body("openConcerns", equalTo(0))
                .body("absent", equalTo(false))
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith(BASE + "/" + id));
        given().auth().oauth2(ADMIN).when().get(BASE + "/" + id).then().statusCode(200).body("name", equalTo("Nina Nørgaard"));

        String until = LocalDate.now().plusDays(10).toString();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"name": "Nina Nørgaard", "email": "nina.n@skp.example", "districts": ["Vollsmose"], "capacity": 4,
                 "absentUntil": "%s"}""".formatted(until))
                .when().put(BASE + "/" + id)
                .then().statusCode(200)
                .body("subject", equalTo("cp-nina"))
                .body("email", equalTo("nina.n@skp.example"))
                .body("capacity", equalTo(4))
                .body("absentUntil", equalTo(until))
                .body("absent", equalTo(true));

        String concern = receive(consumer);
        triage(concern, "Vollsmose");
        String version = assign(concern, id);
        given().auth().oauth2(ADMIN).when().get(BASE)
                .then().statusCode(200).body("find { it.id == '" + id + "' }.openConcerns", equalTo(1));
        given().auth().oauth2(ADMIN).header("Accept-Language", "en").when().delete(BASE + "/" + id)
                .then().statusCode(409).body("detail", equalTo("The contact person holds open concerns. Assign them to someone else first."));

        change(COORDINATOR, "POST", "/api/v1/concerns/" + concern + "/close", version, "{\"reason\": \"DECEASED\"}")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).when().delete(BASE + "/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).when().get(BASE + "/" + id).then().statusCode(404);
        given().auth().oauth2(COORDINATOR).when().get("/api/v1/concerns/" + concern)
                .then().statusCode(200).body("assignedTo", nullValue());
        given().auth().oauth2(Tokens.of("contact-person", "cp-nina")).when().get("/api/v1/concerns/" + concern)
                .then().statusCode(404);
    }

    @Test
    void badFieldsAreNamedAndASubjectIsRegisteredOnce() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Accept-Language", "en").body("""
                {"subject": "", "name": "X", "email": "not-an-address", "districts": [""], "capacity": -1}""")
                .when().post(BASE)
                .then().statusCode(422)
                .body("errors.field", contains("capacity", "districts[0]", "email", "subject"))
                .body("errors.find { it.field == 'capacity' }.message", equalTo("must be between 0 and 200"));
        String body = "{\"subject\": \"cp-olaf\", \"name\": \"Olaf\", \"email\": \"olaf@skp.example\", \"capacity\": 3}";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).when().post(BASE)
                .then().statusCode(201).body("districts", org.hamcrest.Matchers.empty());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Accept-Language", "en").body(body).when().post(BASE)
                .then().statusCode(409).body("detail", equalTo("A contact person with this subject exists already."));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\": \"Olaf\"}")
                .when().put(BASE + "/00000000-0000-0000-0000-000000000009")
                .then().statusCode(422);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"Olaf\", \"email\": \"olaf@skp.example\", \"capacity\": 3}")
                .when().put(BASE + "/00000000-0000-0000-0000-000000000009")
                .then().statusCode(404);
        assertEquals(1, StaffDatabase.count("SELECT count(*) FROM staff.contact_person WHERE subject = 'cp-olaf'"));
    }

    @Test
    void onlyAdminsManageContactPersons() {
        given().auth().oauth2(COORDINATOR).when().get(BASE).then().statusCode(403);
        given().auth().oauth2(Tokens.of("contact-person", "cp-1")).contentType(ContentType.JSON).body("{}")
                .when().post(BASE).then().statusCode(403);
        given().when().get(BASE).then().statusCode(401);
    }
}
