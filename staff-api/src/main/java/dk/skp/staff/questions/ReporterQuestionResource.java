package dk.skp.staff.questions;

import dk.skp.model.problem.Problem;
import dk.skp.staff.rest.IfMatch;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ReporterQuestionViews.NewQuestion;
import dk.skp.staff.security.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A coordinator's question to the reporter of a concern; the answer comes back in the concern's details. */
@Path("/api/v1/concerns")
@Tag(name = "Questions to the reporter")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed(Viewer.COORDINATOR)
@SecurityRequirement(name = "jwt")
public class ReporterQuestionResource {

    private final ReporterQuestionService questions;
    private final CurrentViewer viewer;

    public ReporterQuestionResource(ReporterQuestionService questions, CurrentViewer viewer) {
        this.questions = questions;
        this.viewer = viewer;
    }

    @POST
    @Path("{id}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "askReporter",
            summary = "Ask the reporter a question", description = "A reporter with a passcode sees the question on "
            + "the public status page and may answer it once; a reporter who left an e-mail address gets a mail with the "
            + "reference only (never the question). The reporter stays as anonymous as they were. The question is shown "
            + "as written: no personal data in it. One open question at a time. The answer appears in the concern's "
            + "reporterQuestions when it comes in, and the team is told by mail. Audited as QUESTION_ASKED; the answer "
            + "as REPORTER_ANSWERED.")
    @APIResponse(responseCode = "200", description = "The concern with the new question",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only coordinators ask reporters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such concern",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A question is still open, the reporter cannot be reached (no "
            + "passcode, no e-mail address), or the concern's personal data is erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The question is missing, blank or longer than 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ask(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull(message = "{skp.required}") NewQuestion body) {
        ConcernDetails concern = questions.ask(viewer.get(), id, IfMatch.version(ifMatch), body);
        return IfMatch.ok(concern, concern.version());
    }
}
