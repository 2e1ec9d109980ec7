package dk.skp.staff.contact;

import dk.skp.model.problem.Problem;
import dk.skp.staff.core.LifecycleProblem;
import dk.skp.staff.rest.IfMatch;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.core.ConcernCommands.NewContactAttempt;
import dk.skp.staff.core.ConcernDetails;
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

@Path("/api/v1/concerns")
@Tag(name = "Contact attempts")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed({ Viewer.COORDINATOR, Viewer.CONTACT_PERSON })
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ContactAttemptResource {

    private final ContactAttemptService attempts;
    private final CurrentViewer viewer;

    public ContactAttemptResource(ContactAttemptService attempts, CurrentViewer viewer) {
        this.attempts = attempts;
        this.viewer = viewer;
    }

    @POST
    @Path("{id}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordContactAttempt",
            summary = "Record a contact attempt", description = "By the contact person who holds the concern, or a "
            + "coordinator. The first CONTACT_ESTABLISHED moves an ASSIGNED concern to IN_CONTACT. Audited as ATTEMPT "
            + "(ids and codes only).")
    @APIResponse(responseCode = "200", description = "The concern with the new attempt first in attempts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one this contact person holds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nobody holds the concern (attempts need an ASSIGNED or IN_CONTACT concern); the answer lists the moves that exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LifecycleProblem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, an attempt in the future, or a next step before the attempt",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull(message = "{skp.required}") NewContactAttempt body) {
        ConcernDetails concern = attempts.record(viewer.get(), id, IfMatch.version(ifMatch), body);
        return IfMatch.ok(concern, concern.version());
    }
}
