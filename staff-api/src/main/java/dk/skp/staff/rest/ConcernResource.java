package dk.skp.staff.rest;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.Problem;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.staff.repository.ConcernFilter;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.service.ConcernDetails;
import dk.skp.staff.service.ConcernPage;
import dk.skp.staff.service.ConcernQueryService;
import dk.skp.staff.service.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's roles do not allow this")
public class ConcernResource {

    private final ConcernQueryService queries;
    private final CurrentViewer viewer;

    public ConcernResource(ConcernQueryService queries, CurrentViewer viewer) {
        this.queries = queries;
        this.viewer = viewer;
    }

    @GET
    @Operation(summary = "List concerns, newest first", description = "Coordinators see all concerns, contact persons "
            + "those assigned to them. Keyset pagination: pass the previous page's 'next' as 'after'. Audited as a search.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConcernPage list(
            @Parameter(description = "Only concerns with this reference (any case, dashes optional)") @QueryParam("reference") String reference,
            @Parameter(description = "Only concerns in this status", schema = @Schema(implementation = ConcernStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1-100") @QueryParam("limit") @DefaultValue("20")
            @Min(value = 1, message = "{skp.limit}") @Max(value = ConcernQueryService.MAX_PAGE_SIZE, message = "{skp.limit}") int limit) {
        return queries.list(viewer.get(), new ConcernFilter(status(status), reference(reference), null), after, limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one concern", description = "The whole concern as reported. Audited as a read. "
            + "The ETag is the concern's version, to be sent as If-Match with changes.")
    @APIResponse(responseCode = "200", description = "The concern",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetails.class)))
    @APIResponse(responseCode = "404", description = "No such concern, or not one this contact person may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        ConcernDetails concern = queries.get(viewer.get(), id);
        return Response.ok(concern).tag(new EntityTag(Long.toString(concern.version()))).build();
    }

    private static ConcernStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ConcernStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(ConcernStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
            throw badQuery("status", "query.status|" + allowed);
        }
    }

    private static String reference(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String normalised = ReferenceNumber.normalise(reference);
        if (normalised == null) {
            throw badQuery("reference", "query.reference");
        }
        return normalised;
    }

    private static ProblemException badQuery(String field, String messageKey) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, null, List.of(new FieldError(field, messageKey)), null, null);
    }
}
