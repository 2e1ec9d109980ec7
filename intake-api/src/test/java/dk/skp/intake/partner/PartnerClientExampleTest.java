package dk.skp.intake.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.intake.IntakeDatabase;
import dk.skp.partner.client.ApiClient;
import dk.skp.partner.client.ApiException;
import dk.skp.partner.client.ApiResponse;
import dk.skp.partner.client.api.ConcernsApi;
import dk.skp.partner.client.model.AgeBand;
import dk.skp.partner.client.model.ConcernReport;
import dk.skp.partner.client.model.FieldError;
import dk.skp.partner.client.model.Indicator;
import dk.skp.partner.client.model.KnowsAboutReport;
import dk.skp.partner.client.model.Observations;
import dk.skp.partner.client.model.Person;
import dk.skp.partner.client.model.Problem;
import dk.skp.partner.client.model.Regularity;
import dk.skp.partner.client.model.Reporter;
import dk.skp.partner.client.model.SubmissionResponse;
import dk.skp.partner.client.model.Urgency;
import dk.skp.partner.client.model.Whereabouts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The partner integration example: a police system submits a concern through a Java client generated from
 * {@code openapi/intake-api.json} (openapi-generator, generator {@code java}, library {@code native}; see the
 * openapi-generator-maven-plugin in this module's pom and the README, "For partners: a generated client").
 *
 * <p>Everything said to the intake API goes through the generated client. Only two things are done from SKP's side:
 * a staff admin issues the partner's API key (here {@link IntakeDatabase#addPartner}), and the queue is counted to
 * show that a retry creates nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeDatabase.class, restrictToAnnotatedClass = true)
class PartnerClientExampleTest {

    /** Where the intake API under test listens; in production: https://{the municipality's intake host}. */
    @TestHTTPResource
    URI intake;

    /** A client that sends the partner's API key as a bearer token, and asks for answers in English. */
    private ConcernsApi concernsApi(String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(intake.getScheme() + "://" + intake.getHost() + ":" + intake.getPort());
        // The native library has no setter for bearer tokens: a request interceptor adds the header to every request.
        client.setRequestInterceptor(request -> request
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept-Language", "en"));
        return new ConcernsApi(client);
    }

    /**
     * A referral as a police system sends it. No reporter.role or reporter.anonymity: a partner's concerns take the
     * partner's role (here POLICE) and are always NAMED.
     */
    private static ConcernReport referral() {
        return new ConcernReport()
                .reporter(new Reporter()
                        .name("Jens Hansen")
                        .organisation("Fyns Politi, Odense Station")
                        .email("jens.hansen@politi.example")
                        .wantsStatusUpdates(false))
                .person(new Person()
                        .name("Calls himself Kim")
                        .ageBand(AgeBand._30_49)
                        .knowsAboutReport(KnowsAboutReport.YES)
                        .appearance("Sleeps in a blue tent"))
                .whereabouts(new Whereabouts()
                        .placeDescription("The bushes behind the railway station, north side")
                        .postcode("5000")
                        .usualTimes("Evenings and nights")
                        .regularity(Regularity.MOST_DAYS))
                .observations(new Observations()
                        .indicators(List.of(Indicator.HOMELESS, Indicator.SUBSTANCE_USE))
                        .description("Picked up three times this month; needs outreach."))
                .urgency(Urgency.NORMAL)
                .language("en");
    }

    @Test
    void aPoliceSystemSubmitsAConcernWithItsApiKeyAndAnIdempotencyKey() throws Exception {
        // A staff admin issued this key to the police (in SKP's staff client: Samarbejdspartnere).
        String apiKey = IntakeDatabase.addPartner("fyns-politi-example", "POLICE");
        ConcernsApi concerns = concernsApi(apiKey);
        // The police system's own case number: every retry of this case sends the same Idempotency-Key.
        String idempotencyKey = "case-" + UUID.randomUUID();
        long queuedBefore = IntakeDatabase.queued();

        // 1. Submit. 202 means the concern is stored; the reference is what the police quote when they call the team.
        ApiResponse<SubmissionResponse> first = concerns.submitConcernWithHttpInfo(referral(), null, idempotencyKey);
        assertEquals(202, first.getStatusCode());
        String reference = first.getData().getReference();
        assertTrue(reference.matches("SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), reference);
        assertNotNull(first.getData().getReceivedAt());
        assertNull(first.getHeaders().get("Idempotent-Replayed"), "a first answer is not a replay");

        // 2. The answer was lost (a timeout, say), so the system sends the same case again with the same key:
        //    it gets the first answer again, marked as a replay, and no second concern is made.
        ApiResponse<SubmissionResponse> retry = concerns.submitConcernWithHttpInfo(referral(), null, idempotencyKey);
        assertEquals(202, retry.getStatusCode());
        assertEquals(reference, retry.getData().getReference());
        assertEquals(first.getData().getReceivedAt(), retry.getData().getReceivedAt());
        assertEquals(List.of("true"), retry.getHeaders().get("Idempotent-Replayed"));
        assertEquals(queuedBefore + 1, IntakeDatabase.queued(), "one concern, however many retries");

        // The plain call returns just the body; here with a new case, so a new concern.
        SubmissionResponse other = concerns.submitConcern(referral(), null, "case-" + UUID.randomUUID());
        assertTrue(!other.getReference().equals(reference));
    }

    @Test
    void aWrongApiKeyIsA401ProblemThatTheClientThrows() throws Exception {
        ConcernsApi concerns = concernsApi("skp_not-a-key-anyone-issued");
        long queuedBefore = IntakeDatabase.queued();

        // Every answer that is not 2xx is thrown as an ApiException, with the problem+json body as it came.
        ApiException refused = assertThrows(ApiException.class,
                () -> concerns.submitConcern(referral(), null, "case-" + UUID.randomUUID()));
        assertEquals(401, refused.getCode());
        assertEquals("application/problem+json",
                refused.getResponseHeaders().firstValue("Content-Type").orElseThrow());
        // The generated Problem model reads that body (RFC 9457 problem details).
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals(401, problem.getStatus());
        assertEquals("The API key is not valid or has been revoked.", problem.getDetail());
        assertEquals(queuedBefore, IntakeDatabase.queued(), "nothing was stored");
    }

    @Test
    void anInvalidConcernIsA422ProblemThatNamesEachBadField() throws Exception {
        ConcernsApi concerns = concernsApi(IntakeDatabase.addPartner("boligforening-example", "HOUSING_ASSOCIATION"));
        ConcernReport invalid = referral();
        invalid.getWhereabouts().setPostcode("50000");   // not a Danish postcode
        invalid.getObservations().setIndicators(List.of()); // nothing observed

        ApiException refused = assertThrows(ApiException.class,
                () -> concerns.submitConcern(invalid, null, "case-" + UUID.randomUUID()));
        assertEquals(422, refused.getCode());
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("urn:skp:problem:invalid-fields", problem.getType());
        // One error per bad field, with a message in the language asked for (Accept-Language: en).
        assertEquals(List.of("observations.indicators", "whereabouts.postcode"),
                problem.getErrors().stream().map(FieldError::getField).sorted().toList());
        assertEquals("must be a Danish postcode of four digits", problem.getErrors().stream()
                .filter(error -> error.getField().equals("whereabouts.postcode")).findFirst().orElseThrow().getMessage());
    }
}
