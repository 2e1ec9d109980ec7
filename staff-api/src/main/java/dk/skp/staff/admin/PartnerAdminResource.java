package dk.skp.staff.admin;

import dk.skp.model.problem.Problem;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.admin.PartnerViews.IssuedKey;
import dk.skp.staff.admin.PartnerViews.NewPartner;
import dk.skp.staff.admin.PartnerViews.Partner;
import dk.skp.staff.security.Viewer;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/partners")
@Tag(name = "Partner administration")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed(Viewer.ADMIN)
// Admin operations need the token's admin role (OpenAPI 3.1: the roles a bearer scheme requires).
@SecurityRequirement(name = "jwt", scopes = Viewer.ADMIN)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only admins manage partners",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PartnerAdminResource {

    private final PartnerAdminService partners;
    private final CurrentViewer viewer;

    public PartnerAdminResource(PartnerAdminService partners, CurrentViewer viewer) {
        this.partners = partners;
        this.viewer = viewer;
    }

    @GET
    @Operation(operationId = "listPartners", summary = "List partners and their keys (prefixes only)")
    @APIResponse(responseCode = "200", description = "All partners",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Partner.class)))
    public List<Partner> list() {
        return partners.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartner", summary = "Add a partner organisation")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Partner.class)))
    @APIResponse(responseCode = "409", description = "A partner with this id exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "{skp.required}") NewPartner body) {
        return Response.status(Response.Status.CREATED).entity(partners.create(viewer.get(), body)).build();
    }

    @POST
    @Path("{id}/keys")
    @Operation(operationId = "issuePartnerKey",
            summary = "Issue an API key", description = "The key is in this answer and nowhere else: only its hash is stored.")
    @APIResponse(responseCode = "201", description = "The new key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedKey.class)))
    @APIResponse(responseCode = "404", description = "No such live partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The partner id is not one (errors names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issueKey(@PathParam("id") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "{skp.partnerId}") @Size(max = 63, message = "{skp.size.max}") String id) {
        return Response.status(Response.Status.CREATED).entity(partners.issueKey(viewer.get(), id))
                .cacheControl(CacheControl.valueOf("no-store")).build();
    }

    @DELETE
    @Path("{id}/keys/{prefix}")
    @Operation(operationId = "revokePartnerKey",
            summary = "Revoke an API key", description = "Intake refuses it from the next request on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such live key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The partner id or key prefix is not one (errors names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void revokeKey(@PathParam("id") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "{skp.partnerId}") @Size(max = 63, message = "{skp.size.max}") String id, @PathParam("prefix") @Size(max = 10, message = "{skp.size.max}") String prefix) {
        partners.revokeKey(viewer.get(), id, prefix);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokePartner", summary = "Revoke a partner and all its keys")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such live partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The partner id is not one (errors names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void revokePartner(@PathParam("id") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "{skp.partnerId}") @Size(max = 63, message = "{skp.size.max}") String id) {
        partners.revokePartner(viewer.get(), id);
    }
}
