package dk.skp.staff.reading;

import dk.skp.model.problem.Problem;
import dk.skp.staff.core.ConcernPage;
import dk.skp.staff.repository.ConcernFilter;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.rest.IfMatch;
import dk.skp.staff.rest.QueryParams;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.core.ConcernDetails;
import dk.skp.staff.core.ConcernViews.LinkedConcerns;
import dk.skp.staff.core.ConcernViews.SafetyBriefing;
import dk.skp.staff.reading.Inbox.InboxPage;
import dk.skp.staff.overdue.OverdueConcerns;
import dk.skp.staff.overdue.OverduePage;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.vocabulary.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/concerns")
@Tag(name = "Concerns")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed({ Viewer.COORDINATOR, Viewer.CONTACT_PERSON })
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConcernResource {

    private final ConcernQueryService queries;
    private final OverdueConcerns overdue;
    private final Inbox inbox;
    private final CurrentViewer viewer;

    public ConcernResource(ConcernQueryService queries, OverdueConcerns overdue, Inbox inbox, CurrentViewer viewer) {
        this.queries = queries;
        this.overdue = overdue;
        this.inbox = inbox;
        this.viewer = viewer;
    }

    @GET
    @Operation(operationId = "listConcerns",
            summary = "List concerns, newest first", description = "Coordinators see all concerns, contact persons "
            + "those assigned to them. Keyset pagination: pass the previous page's 'next' as 'after'. Audited as a "
            + "search, with its criteria.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "limit or district out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConcernPage list(
            @Parameter(description = "Only concerns with this reference (any case, dashes optional)") @QueryParam("reference") @Size(max = 40, message = "{skp.size.max}") String reference,
            @Parameter(description = "Only concerns in this status", schema = @Schema(implementation = ConcernStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only concerns assigned to this contact person (OIDC subject); ignored for contact persons, who only ever see their own")
            @QueryParam("assignedTo") @Size(max = 255, message = "{skp.size.max}") String assignedTo,
            @Parameter(description = "Only concerns triaged with this priority", schema = @Schema(implementation = Priority.class)) @QueryParam("priority") String priority,
            @Parameter(description = "Only concerns triaged to this district (any case)")
            @QueryParam("district") @Size(max = 80, message = "{skp.size.max}") String district,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") @Size(max = ApiLimits.CURSOR, message = "{skp.size.max}") String after,
            @Parameter(description = "Page size, 1-100") @QueryParam("limit") @DefaultValue("20")
            @Min(value = 1, message = "{skp.limit}") @Max(value = ConcernQueryService.MAX_PAGE_SIZE, message = "{skp.limit}") int limit) {
        ConcernFilter filter = new ConcernFilter(QueryParams.oneOf(ConcernStatus.class, "status", status, "query.status"),
                QueryParams.reference("reference", reference), QueryParams.blankToNull(assignedTo), QueryParams.oneOf(Priority.class, "priority", priority, "field.notOneOf"),
                QueryParams.blankToNull(district), false);
        return queries.list(viewer.get(), filter, after, limit);
    }

    @GET
    @Path("inbox")
    @RolesAllowed(Viewer.COORDINATOR)
    @Operation(operationId = "getInbox",
            summary = "The coordinator's inbox: open concerns, what needs action first", description = "Every "
            + "concern whose work has not ended, ordered by attention (acute danger and urgent ones waiting for triage "
            + "or a contact person, then missed deadlines, deadlines within 24 hours, the rest waiting for triage or a "
            + "contact person, then those being worked with nothing due), then the earliest deadline, then the oldest. "
            + "Keyset pagination: pass the previous page's 'next' as 'after'. Audited as a search.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InboxPage.class)))
    @APIResponse(responseCode = "400", description = "'after' is not a cursor this service handed out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InboxPage inbox(
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") @Size(max = ApiLimits.CURSOR, message = "{skp.size.max}") String after,
            @Parameter(description = "Page size, 1-100") @QueryParam("limit") @DefaultValue("50")
            @Min(value = 1, message = "{skp.limit}") @Max(value = Inbox.MAX_PAGE_SIZE, message = "{skp.limit}") int limit) {
        return inbox.page(viewer.get(), after, limit);
    }

    @GET
    @Path("claimable")
    @Operation(operationId = "listClaimableConcerns",
            summary = "List concerns a contact person may claim", description = "Triaged concerns that nobody "
            + "holds, newest first, without anything about the person. Claim one with POST /{id}/claim and its "
            + "version as If-Match. Audited as a search.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A parameter is longer than documented (errors names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConcernPage claimable(
            @Parameter(description = "Only concerns triaged to this district (any case)")
            @QueryParam("district") @Size(max = 80, message = "{skp.size.max}") String district,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") @Size(max = ApiLimits.CURSOR, message = "{skp.size.max}") String after,
            @Parameter(description = "Page size, 1-100") @QueryParam("limit") @DefaultValue("20")
            @Min(value = 1, message = "{skp.limit}") @Max(value = ConcernQueryService.MAX_PAGE_SIZE, message = "{skp.limit}") int limit) {
        return queries.claimable(viewer.get(), QueryParams.blankToNull(district), after, limit);
    }

    @GET
    @Path("overdue")
    @Operation(operationId = "listOverdueConcerns",
            summary = "List missed deadlines, the longest overdue first", description = "Concerns not triaged by "
            + "their triage deadline (TRIAGE) or without a contact attempt by their first-attempt deadline (FIRST_ATTEMPT), "
            + "counted in Danish working days and ending at the end of the last working day. One item per missed "
            + "deadline, without anything about the person. Coordinators see all; contact persons those assigned to "
            + "them. Keyset pagination: pass the previous page's 'next' as 'after'. Audited as a search.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverduePage.class)))
    @APIResponse(responseCode = "400", description = "'after' is not a cursor this service handed out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OverduePage overdue(
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") @Size(max = ApiLimits.CURSOR, message = "{skp.size.max}") String after,
            @Parameter(description = "Page size, 1-100") @QueryParam("limit") @DefaultValue("50")
            @Min(value = 1, message = "{skp.limit}") @Max(value = OverdueConcerns.MAX_PAGE_SIZE, message = "{skp.limit}") int limit) {
        return overdue.page(viewer.get(), after, limit);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getConcern",
            summary = "Read one concern", description = "The whole concern as reported, with its triage, "
            + "assignment, contact attempts, closing and links. Audited as a read. The ETag is the concern's version, "
            + "to be sent as If-Match with changes.")
    @APIResponse(responseCode = "200", description = "The concern",
            headers = @Header(name = "ETag", description = "The concern's version", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one this contact person may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        ConcernDetails concern = queries.get(viewer.get(), id);
        return IfMatch.ok(concern, concern.version());
    }

    @GET
    @Path("{id}/linked")
    @Operation(operationId = "getLinkedConcerns",
            summary = "Read a concern with all concerns linked to it", description = "Every concern about the "
            + "same person, oldest first, each whole and apart (texts are never merged). A contact person gets those "
            + "assigned to them. Audited as a read of each concern shown.")
    @APIResponse(responseCode = "200", description = "The concern and those linked to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkedConcerns.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one this contact person may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LinkedConcerns linked(@PathParam("id") UUID id) {
        return queries.linked(viewer.get(), id);
    }

    @GET
    @Path("{id}/briefing")
    @Operation(operationId = "getSafetyBriefing",
            summary = "Safety briefing for a visit", description = "What intake was told about risks, the "
            + "person's language and how to find and recognise them, and whether to go alone or in a pair: "
            + "suggested from the risk signals, or as a coordinator decided. Audited as BRIEFING_READ.")
    @APIResponse(responseCode = "200", description = "The briefing",
            headers = @Header(name = "ETag", description = "The concern's version", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SafetyBriefing.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one this contact person may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response briefing(@PathParam("id") UUID id) {
        SafetyBriefing briefing = queries.briefing(viewer.get(), id);
        return IfMatch.ok(briefing, briefing.version());
    }
}
