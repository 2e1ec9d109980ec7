package dk.skp.staff.audit;

import dk.skp.model.problem.Problem;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.rest.QueryParams;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.audit.AuditViews.AuditCriteria;
import dk.skp.staff.audit.AuditViews.AuditPage;
import dk.skp.staff.security.Viewer;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed(Viewer.ADMIN)
// Admin operations need the token's admin role (OpenAPI 3.1: the roles a bearer scheme requires).
@SecurityRequirement(name = "jwt", scopes = Viewer.ADMIN)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only admins (and the data protection officer, with the admin role) read the audit trail",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuditResource {

    private final AuditQueryService audit;
    private final CurrentViewer viewer;
    private final ZoneId zone;

    public AuditResource(AuditQueryService audit, CurrentViewer viewer, StaffConfig config) {
        this.audit = audit;
        this.viewer = viewer;
        this.zone = config.zone();
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Read the audit trail, oldest first",
            description = "Who read, searched or changed what, and when; e.g. every access to one concern for a data "
                    + "subject's access request. Rows hold criteria and ids, never a concern's content. Rows older than "
                    + "skp.staff.audit.retention are deleted. Keyset pagination: pass the previous page's 'next' as "
                    + "'after'. Reading the trail is itself audited (AUDIT_READ, with the criteria).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "limit is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage list(
            @Parameter(description = "Only rows about this concern (its id)") @QueryParam("concern") @Size(max = 36, message = "{skp.size.max}") String concern,
            @Parameter(description = "Only rows about the concern with this reference (any case, dashes optional), "
                    + "for an admin who has the reference but may not read concerns; instead of 'concern'")
            @QueryParam("reference") @Size(max = 40, message = "{skp.size.max}") String reference,
            @Parameter(description = "Only rows by this staff member (the token's subject)") @QueryParam("actor") @Size(max = ApiLimits.SUBJECT, message = "{skp.size.max}") String actor,
            @Parameter(description = "From this time on (inclusive): an instant such as 2026-11-01T00:00:00Z, or a date "
                    + "such as 2026-11-01 for the start of that day in Danish time") @QueryParam("from") @Size(max = 40, message = "{skp.size.max}") String from,
            @Parameter(description = "Before this time (exclusive), or up to and including this date, "
                    + "e.g. 2026-11-30") @QueryParam("to") @Size(max = 40, message = "{skp.size.max}") String to,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") @Size(max = ApiLimits.CURSOR, message = "{skp.size.max}") String after,
            @Parameter(description = "Page size, 1-100") @QueryParam("limit") @DefaultValue("50")
            @Min(value = 1, message = "{skp.limit}") @Max(value = AuditQueryService.MAX_PAGE_SIZE, message = "{skp.limit}") int limit) {
        Instant fromInstant = QueryParams.instant("from", from, false, zone);
        Instant toInstant = QueryParams.instant("to", to, true, zone);
        QueryParams.requireOrder(fromInstant, toInstant);
        UUID concernId = QueryParams.uuid("concern", concern);
        String ref = QueryParams.reference("reference", reference);
        if (concernId != null && ref != null) {
            throw QueryParams.badQuery("reference", "query.concernOrReference");
        }
        AuditCriteria criteria = new AuditCriteria(concernId, ref, QueryParams.blankToNull(actor), fromInstant, toInstant);
        return audit.list(viewer.get(), criteria, after, limit);
    }
}
