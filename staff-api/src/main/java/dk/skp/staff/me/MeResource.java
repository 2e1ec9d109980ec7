package dk.skp.staff.me;

import dk.skp.model.problem.Problem;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.me.SignedInStaff.Me;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "Me")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Authenticated
@SecurityRequirement(name = "jwt")
public class MeResource {

    private final SignedInStaff staff;
    private final CurrentViewer viewer;

    public MeResource(SignedInStaff staff, CurrentViewer viewer) {
        this.staff = staff;
        this.viewer = viewer;
    }

    @GET
    @Operation(operationId = "getMe",
            summary = "Who is signed in", description = "The subject, name and SKP roles of the token's or session's "
            + "staff member, and their contact-person record if they have one. Not audited: it reads no concern.")
    @APIResponse(responseCode = "200", description = "The signed-in staff member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token or session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Me get() {
        return staff.me(viewer.get());
    }
}
