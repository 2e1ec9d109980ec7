package dk.skp.staff.admin;

import dk.skp.model.problem.Problem;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.admin.ContactPersonViews.ContactPerson;
import dk.skp.staff.admin.ContactPersonViews.ContactPersonUpdate;
import dk.skp.staff.admin.ContactPersonViews.NewContactPerson;
import dk.skp.staff.security.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/contact-persons")
@Tag(name = "Contact-person administration")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed(Viewer.ADMIN)
// Admin operations need the token's admin role (OpenAPI 3.1: the roles a bearer scheme requires).
@SecurityRequirement(name = "jwt", scopes = Viewer.ADMIN)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only admins manage contact persons",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ContactPersonAdminResource {

    private final ContactPersonAdminService contactPersons;
    private final CurrentViewer viewer;

    public ContactPersonAdminResource(ContactPersonAdminService contactPersons, CurrentViewer viewer) {
        this.contactPersons = contactPersons;
        this.viewer = viewer;
    }

    @GET
    @Operation(operationId = "listContactPersons", summary = "List contact persons with their current load")
    @APIResponse(responseCode = "200", description = "All contact persons, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ContactPerson.class)))
    public List<ContactPerson> list() {
        return contactPersons.list();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getContactPerson", summary = "Read one contact person")
    @APIResponse(responseCode = "200", description = "The contact person",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactPerson.class)))
    @APIResponse(responseCode = "404", description = "No such contact person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactPerson get(@PathParam("id") UUID id) {
        return contactPersons.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createContactPerson",
            summary = "Add a contact person", description = "Linked to their sign-in by the OIDC subject, which "
            + "cannot change later.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactPerson.class)))
    @APIResponse(responseCode = "409", description = "A contact person with this subject exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "{skp.required}") NewContactPerson body, @Context UriInfo uri) {
        ContactPerson created = contactPersons.create(viewer.get(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateContactPerson",
            summary = "Change a contact person's details", description = "Name, e-mail, districts, capacity and "
            + "absence are replaced; leave absentUntil out when they are present.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactPerson.class)))
    @APIResponse(responseCode = "404", description = "No such contact person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactPerson update(@PathParam("id") UUID id, @Valid @NotNull(message = "{skp.required}") ContactPersonUpdate body) {
        return contactPersons.update(viewer.get(), id, body);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteContactPerson",
            summary = "Remove a contact person", description = "Refused while they hold open concerns: reassign "
            + "those first. Their closed concerns forget them.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such contact person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "They hold open concerns",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        contactPersons.delete(viewer.get(), id);
    }
}
