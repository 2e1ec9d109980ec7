package dk.skp.intake.rest;

import dk.skp.intake.service.Receipt;
import dk.skp.intake.service.Submission;
import dk.skp.intake.service.SubmissionService;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.Problem;
import dk.skp.model.vocabulary.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Write-only on purpose: there is no way to read a concern back through intake. */
@Path("/api/v1/concerns")
@Tag(name = "Concerns")
public class ConcernResource {

    private final SubmissionService submissions;

    public ConcernResource(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Raise a concern", description = "Accepts a concern about a vulnerable adult and queues it for "
            + "the outreach team. Answers 202 only after the concern is durably stored.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConcernReport.class)))
    @APIResponse(responseCode = "202", description = "Accepted and stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Fields break the rules; errors names each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Storage is unavailable; nothing was stored. Retry after the given seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull(message = "{skp.required}") ConcernReport body, @Context HttpHeaders headers) {
        // Named "body": a problem report names a missing or invalid parameter by its Java name.
        Receipt receipt = submissions.submit(
                new Submission(body, Channel.WEB_FORM, null, Languages.pick(headers.getAcceptableLanguages())));
        return Response.accepted(new SubmissionResponse(receipt.reference(), receipt.receivedAt(), receipt.serviceNotice()))
                .header(HttpHeaders.CONTENT_LANGUAGE, receipt.locale().getLanguage()).build();
    }
}
