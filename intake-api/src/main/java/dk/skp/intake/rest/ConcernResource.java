package dk.skp.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.skp.intake.protection.ProtectionConfig;
import dk.skp.intake.protection.SpamGuard;
import dk.skp.intake.repository.PartnerDirectory.Partner;
import dk.skp.intake.service.PartnerAuthenticator;
import dk.skp.intake.service.Receipt;
import dk.skp.intake.service.StatusService;
import dk.skp.intake.service.StatusService.StatusView;
import dk.skp.intake.service.Submission;
import dk.skp.intake.service.SubmissionResponse;
import dk.skp.intake.service.SubmissionService;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.Problem;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.PublicStatus;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Write-only on purpose: nothing submitted can be read back through intake, only a coarse status code (and the team's
 * question, which the team wrote, never what the reporter wrote).
 */
@Path("/api/v1/concerns")
@Tag(name = "Concerns")
@SecurityScheme(securitySchemeName = "partnerKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Partner systems only: their API key (skp_...), issued by a staff admin, as a bearer token.")
@SecurityScheme(securitySchemeName = "passcode", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "Passcode", description = "The passcode from the receipt of a reporter who asked for status updates.")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class ConcernResource {

    private static final String REFERENCE = "The reference from the receipt, e.g. SKP-7K4M-2QXD (case, spaces and dashes "
            + "do not matter). Anything that is not a reference gets the same 404 as an unknown one.";
    private static final String PASSCODE = "The passcode from the receipt, e.g. 7K4M-2QXD-9A (case, spaces and dashes do "
            + "not matter). A wrong one gets the same 404 as an unknown reference.";

    /** Receipts carry passcodes and references: no cache may keep them. */
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final SubmissionService submissions;
    private final PartnerAuthenticator partners;
    private final StatusService statuses;
    private final SpamGuard guard;
    private final ProtectionConfig protection;

    public ConcernResource(SubmissionService submissions, PartnerAuthenticator partners, StatusService statuses,
            SpamGuard guard, ProtectionConfig protection) {
        this.guard = guard;
        this.protection = protection;
        this.submissions = submissions;
        this.partners = partners;
        this.statuses = statuses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitConcern",
            summary = "Raise a concern", description = "Accepts a concern about a vulnerable adult and queues it for "
            + "the outreach team. Answers 202 only after the concern is durably stored. Public clients send no "
            + "credentials; partner systems send their API key as a bearer token and may send an Idempotency-Key.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConcernReport.class), examples = {
            @ExampleObject(name = "anonymous-neighbour", summary = "An anonymous neighbour (Danish)",
                    value = ConcernExamples.ANONYMOUS_NEIGHBOUR),
            @ExampleObject(name = "police-partner", summary = "A named police officer through the partner API (English)",
                    value = ConcernExamples.POLICE_PARTNER) }))
    @SecurityRequirementsSet // public clients: no credentials (but a proof of work)
    @SecurityRequirementsSet(@SecurityRequirement(name = "partnerKey"))
    @Parameter(name = "Proof-Of-Work", in = ParameterIn.HEADER, description = "Public clients (no API key): a solved "
            + "challenge from GET /api/v1/challenge, as the ALTCHA widget produces it (base64 JSON). Each is accepted once. "
            + "Not needed where the operator has turned skp.intake.protection.api-proof-of-work off. A longer value is "
            + "refused as an invalid proof (403).",
            schema = @Schema(type = SchemaType.STRING, maxLength = SpamGuard.PROOF_MAX_LENGTH, format = "byte"))
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Partner systems only: the same key with "
            + "the same body within 24 hours returns the first answer (without the passcode) and creates nothing; with "
            + "another body it is refused with 422.", schema = @Schema(type = SchemaType.STRING, maxLength = 200,
                    pattern = "^[\\x21-\\x7E]{1,200}$"))
    @APIResponse(responseCode = "202", description = "Accepted and stored",
            headers = @Header(name = "Idempotent-Replayed", description = "true when this is the stored answer to an earlier request with the same Idempotency-Key",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "An API key was sent that is not valid or has been revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A public client sent no valid, unused proof of work",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Fields break the rules (errors names each one); the person is under 18 "
            + "(type urn:skp:problem:child-welfare: report to children's services instead); or an Idempotency-Key was reused "
            + "with another body. Nothing was stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many submissions from this client; retry after the given seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Storage is unavailable; nothing was stored. Retry after the given seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull(message = "{skp.required}") ConcernReport body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Proof-Of-Work") String proofOfWork,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[\\x21-\\x7E]{1,200}", message = "{skp.idempotencyKey}") String idempotencyKey,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        // Named "body": a problem report names a missing or invalid parameter by its Java name.
        Partner partner = partners.authenticate(authorization, clientAddress(request));
        if (partner == null && protection.apiProofOfWork()) {
            guard.verifyProofOfWork(proofOfWork);
        }
        Receipt receipt = submissions.submit(new Submission(body, partner == null ? Channel.WEB_FORM : Channel.PARTNER_API,
                partner, Languages.of(headers), idempotencyKey, clientAddress(request)));
        Response.ResponseBuilder answer = Response.accepted(receipt.toResponse()).cacheControl(NO_STORE)
                .header(HttpHeaders.CONTENT_LANGUAGE, receipt.locale().getLanguage());
        if (receipt.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.build();
    }

    @GET
    @Path("{reference}/status")
    @Operation(operationId = "getConcernStatus",
            summary = "Look up the coarse status of a concern", description = "Only for reporters who asked for status "
            + "updates, with the passcode they got once. Answers RECEIVED, IN_PROGRESS or CLOSED and nothing else, and the "
            + "team's question when one is open (answer it with POST .../answers). An unknown reference and a wrong "
            + "passcode get the same 404; repeated wrong passcodes lock the reference for a while.")
    @SecurityRequirement(name = "passcode")
    @Parameter(name = "reference", in = ParameterIn.PATH, required = true, description = REFERENCE,
            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^[0-9A-Za-z -]+$"))
    @Parameter(name = "Passcode", in = ParameterIn.HEADER, required = true, description = PASSCODE,
            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^[0-9A-Za-z -]+$"))
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusResponse.class)))
    @APIResponse(responseCode = "401", description = "No passcode sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown reference or wrong passcode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many look-ups from this client",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response status(@PathParam("reference") String reference, @HeaderParam("Passcode") String passcode,
            @Context HttpServerRequest request) {
        StatusView view = statuses.lookup(reference, passcode, clientAddress(request));
        return Response.ok(StatusResponse.of(view)).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("{reference}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerTeamQuestion",
            summary = "Answer the team's question", description = "With the passcode, as for the status. The answer "
            + "goes to the team; it cannot be read back here, and each question is answered once. A wrong passcode "
            + "counts towards the lock-out as a look-up does, and gets the same 404.")
    @SecurityRequirement(name = "passcode")
    @Parameter(name = "reference", in = ParameterIn.PATH, required = true, description = REFERENCE,
            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^[0-9A-Za-z -]+$"))
    @Parameter(name = "Passcode", in = ParameterIn.HEADER, required = true, description = PASSCODE,
            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^[0-9A-Za-z -]+$"))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AnswerRequest.class)))
    @APIResponse(responseCode = "202", description = "The answer is on its way to the team",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerReceipt.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No passcode sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown reference, wrong passcode, or no such question",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The question has been answered already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "questionId or answer missing or not valid (errors names each); nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many look-ups and answers from this client",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Storage is unavailable; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response answer(@PathParam("reference") String reference, @HeaderParam("Passcode") String passcode,
            @NotNull(message = "{skp.required}") AnswerRequest body, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Instant at = statuses.answer(reference, passcode, new StatusService.Answer(body.questionId(), body.answer()),
                Languages.of(headers), clientAddress(request));
        return Response.accepted(new AnswerReceipt(at)).cacheControl(NO_STORE).build();
    }

    @Schema(description = "The coarse status of a concern, and the team's question if one is open.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusResponse(@Schema(required = true) PublicStatus status,
            @Schema(nullable = true, description = "The team's open question; absent when there is none.") OpenQuestionView question) {

        static StatusResponse of(StatusView view) {
            return new StatusResponse(view.status(), view.question() == null ? null
                    : new OpenQuestionView(view.question().id(), view.question().question(), view.question().askedAt()));
        }
    }

    @Schema(description = "A question from the team, to be answered once.")
    public record OpenQuestionView(@Schema(required = true, description = "Send it back with the answer.") UUID id,
            @Schema(required = true, description = "The question.", maxLength = 500) String text,
            @Schema(required = true, description = "When the team asked.") Instant askedAt) {
    }

    @Schema(description = "The reporter's answer to the team's open question.")
    public record AnswerRequest(
            @Schema(required = true, description = "The id of the question, from the status.", format = "uuid",
                    maxLength = 36) String questionId,
            @Schema(required = true, maxLength = 2000, description = "The answer, at most 2000 characters. The team reads it; it cannot be read back here.")
            String answer) {
    }

    @Schema(description = "The answer was taken and is on its way to the team.")
    public record AnswerReceipt(@Schema(required = true) Instant answeredAt) {
    }

    /** The client's address as the HTTP layer sees it (behind a proxy, configure quarkus.http.proxy.*). */
    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
