package dk.skp.staff.assignment;

import dk.skp.model.problem.Problem;
import dk.skp.staff.core.LifecycleProblem;
import dk.skp.staff.rest.IfMatch;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.core.ConcernCommands.AssignTo;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ConcernViews.AssignmentSuggestion;
import dk.skp.staff.security.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who holds a concern. Changes need the ETag of the last read as If-Match. */
@Path("/api/v1/concerns")
@Tag(name = "Assignment")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such concern, or not one this contact person may see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConcernAssignmentResource {

    private final AssignmentService assignments;
    private final CurrentViewer viewer;

    public ConcernAssignmentResource(AssignmentService assignments, CurrentViewer viewer) {
        this.assignments = assignments;
        this.viewer = viewer;
    }

    @PUT
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Viewer.COORDINATOR)
    @Operation(operationId = "assignConcern",
            summary = "Assign or reassign a concern (coordinator)", description = "TRIAGED becomes ASSIGNED; an "
            + "ASSIGNED or IN_CONTACT concern moves to the new contact person and keeps its status. Audited as ASSIGN.")
    @APIResponse(responseCode = "200", description = "The concern after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "409", description = "The concern's status does not allow assigning; the answer lists the moves that exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LifecycleProblem.class)))
    @APIResponse(responseCode = "422", description = "contactPersonId is missing or not a contact person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response assign(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull(message = "{skp.required}") AssignTo body) {
        ConcernDetails concern = assignments.assign(viewer.get(), id, IfMatch.version(ifMatch), body);
        return IfMatch.ok(concern, concern.version());
    }

    @DELETE
    @Path("{id}/assignment")
    @RolesAllowed(Viewer.COORDINATOR)
    @Operation(operationId = "unassignConcern",
            summary = "Unassign a concern (coordinator)", description = "Back to TRIAGED, where a contact person "
            + "may claim it or a coordinator assign it. Audited as UNASSIGN.")
    @APIResponse(responseCode = "200", description = "The concern after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "409", description = "Nobody holds the concern; the answer lists the moves that exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LifecycleProblem.class)))
    public Response unassign(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        ConcernDetails concern = assignments.unassign(viewer.get(), id, IfMatch.version(ifMatch));
        return IfMatch.ok(concern, concern.version());
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed(Viewer.CONTACT_PERSON)
    @Operation(operationId = "claimConcern",
            summary = "Take a triaged concern that nobody holds (contact person)", description = "For registered "
            + "contact persons; the version comes from the claimable list. Audited as CLAIM.")
    @APIResponse(responseCode = "200", description = "The concern, now assigned to the caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "409", description = "The concern cannot be claimed from its status; the answer lists the moves that exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LifecycleProblem.class)))
    public Response claim(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        ConcernDetails concern = assignments.claim(viewer.get(), id, IfMatch.version(ifMatch));
        return IfMatch.ok(concern, concern.version());
    }

    @GET
    @Path("{id}/assignment-suggestions")
    @RolesAllowed(Viewer.COORDINATOR)
    @Operation(operationId = "suggestAssignees",
            summary = "Rank contact persons for a concern (coordinator)", description = "Present before absent, "
            + "the concern's district before others, most free capacity (capacity minus open concerns) first. "
            + "Audited as SUGGESTIONS_READ.")
    @APIResponse(responseCode = "200", description = "All contact persons, best fit first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AssignmentSuggestion.class)))
    public List<AssignmentSuggestion> suggestions(@PathParam("id") UUID id) {
        return assignments.suggestions(viewer.get(), id);
    }
}
