package dk.skp.staff.lifecycle;

import dk.skp.model.problem.Problem;
import dk.skp.staff.core.LifecycleProblem;
import dk.skp.staff.rest.IfMatch;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.core.ConcernCommands.CloseDecision;
import dk.skp.staff.core.ConcernCommands.LinkTo;
import dk.skp.staff.core.ConcernCommands.TriageDecision;
import dk.skp.staff.core.ConcernCommands.VisitTeamDecision;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ConcernViews.SafetyBriefing;
import dk.skp.staff.security.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** A coordinator's decisions about a concern. Each needs the ETag of the coordinator's last read as If-Match. */
@Path("/api/v1/concerns")
@Tag(name = "Concern lifecycle")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed(Viewer.COORDINATOR)
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only coordinators make these decisions",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such concern",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConcernLifecycleResource {

    private final ConcernLifecycleService lifecycle;
    private final CurrentViewer viewer;

    public ConcernLifecycleResource(ConcernLifecycleService lifecycle, CurrentViewer viewer) {
        this.lifecycle = lifecycle;
        this.viewer = viewer;
    }

    @POST
    @Path("{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "triageConcern",
            summary = "Triage a concern", description = "ACCEPTED takes it on (RECEIVED or REOPENED to TRIAGED; "
            + "once assigned, only re-prioritises). REDIRECTED, DUPLICATE and OUTSIDE_TARGET_GROUP end it before "
            + "anyone is assigned; a DUPLICATE is linked to its original. The reporter's status becomes IN_PROGRESS "
            + "or CLOSED. Audited as TRIAGE.")
    @APIResponse(responseCode = "200", description = "The concern after triage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "409", description = "The concern's status does not allow this outcome; the answer lists the moves that exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LifecycleProblem.class)))
    @APIResponse(responseCode = "422", description = "Invalid or missing fields for the outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response triage(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull(message = "{skp.required}") TriageDecision body) {
        ConcernDetails concern = lifecycle.triage(viewer.get(), id, IfMatch.version(ifMatch), body);
        return IfMatch.ok(concern, concern.version());
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeConcern",
            summary = "Close a concern", description = "Ends the work, with the reason (and, for HANDED_OVER, the "
            + "service that took over and the citizen's consent: to which lasting services, and whether SKP may pass "
            + "their data on; DECLINED records that the citizen said no). The contact person keeps seeing it. The "
            + "reporter's status becomes CLOSED. Audited as CLOSE.")
    @APIResponse(responseCode = "200", description = "The closed concern",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "409", description = "The concern cannot be closed from its status; the answer lists the moves that exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LifecycleProblem.class)))
    @APIResponse(responseCode = "422", description = "Invalid or missing fields for the reason (consent missing or "
            + "incomplete for HANDED_OVER, a yes for DECLINED, consent for any other reason)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull(message = "{skp.required}") CloseDecision body) {
        ConcernDetails concern = lifecycle.close(viewer.get(), id, IfMatch.version(ifMatch), body);
        return IfMatch.ok(concern, concern.version());
    }

    @POST
    @Path("{id}/reopen")
    @Operation(operationId = "reopenConcern",
            summary = "Reopen a closed or early-ended concern", description = "REOPENED, unassigned, to be triaged "
            + "again. The reporter's status becomes IN_PROGRESS. The referrer's contact data, erased as the work "
            + "ended, stays erased; a concern whose personal data is erased (erasedAt) cannot be reopened. Audited as "
            + "REOPEN.")
    @APIResponse(responseCode = "200", description = "The reopened concern",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "409", description = "The concern has not ended (the answer lists the moves that "
            + "exist), or its personal data is erased and it is a statistic now (detail only)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LifecycleProblem.class)))
    public Response reopen(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        ConcernDetails concern = lifecycle.reopen(viewer.get(), id, IfMatch.version(ifMatch));
        return IfMatch.ok(concern, concern.version());
    }

    @POST
    @Path("{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "linkConcerns",
            summary = "Link another concern about the same person", description = "Joins the two, and every concern "
            + "already linked to either, so they are read together (GET /{id}/linked) without merging their texts. "
            + "Every concern whose links change gets a new version. Audited as LINK on each.")
    @APIResponse(responseCode = "200", description = "The concern with its links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "409", description = "The two are linked already, or this concern's personal data is erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "concernId is missing, this concern, no concern, or one whose "
            + "personal data is erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response link(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull(message = "{skp.required}") LinkTo body) {
        ConcernDetails concern = lifecycle.link(viewer.get(), id, IfMatch.version(ifMatch), body);
        return IfMatch.ok(concern, concern.version());
    }

    @DELETE
    @Path("{id}/links")
    @Operation(operationId = "unlinkConcerns",
            summary = "Unlink a concern", description = "Takes this concern out of its link group: it is about "
            + "someone else after all. The others stay linked to each other. Audited as UNLINK.")
    @APIResponse(responseCode = "200", description = "The concern, now without links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "409", description = "The concern is not linked, or its personal data is erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unlink(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        ConcernDetails concern = lifecycle.unlink(viewer.get(), id, IfMatch.version(ifMatch));
        return IfMatch.ok(concern, concern.version());
    }

    @PUT
    @Path("{id}/briefing/team")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideVisitTeam",
            summary = "Decide whether visits go alone or in a pair", description = "Overrides the briefing's "
            + "suggestion; without team, the suggestion applies again. Audited as VISIT_TEAM.")
    @APIResponse(responseCode = "200", description = "The briefing with the decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SafetyBriefing.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This concern's personal data is erased: it cannot be worked on again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decideVisitTeam(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid @NotNull(message = "{skp.required}") VisitTeamDecision body) {
        SafetyBriefing briefing = lifecycle.decideVisitTeam(viewer.get(), id, IfMatch.version(ifMatch), body);
        return IfMatch.ok(briefing, briefing.version());
    }
}
