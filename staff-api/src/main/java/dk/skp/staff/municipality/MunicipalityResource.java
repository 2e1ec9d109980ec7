package dk.skp.staff.municipality;

import dk.skp.model.municipality.MunicipalityProfile;
import dk.skp.model.problem.Problem;
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

@Path("/api/v1/municipality")
@Tag(name = "Municipality")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Authenticated
@SecurityRequirement(name = "jwt")
public class MunicipalityResource {

    private final MunicipalityProfile profile;

    public MunicipalityResource(MunicipalityProfile profile) {
        this.profile = profile;
    }

    @GET
    @Operation(operationId = "getMunicipality",
            summary = "The municipality's profile", description = "The team this deployment serves, its contact data as "
            + "the public form shows it, the postcodes it serves (a concern from another one carries outsideArea) and how "
            + "long personal data is kept (eraseAfter, the period the nightly erasure uses). The same profile as intake's "
            + "(skp.municipality.profile). Not audited: it reads no concern.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityProfile.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token or session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MunicipalityProfile get() {
        return profile;
    }
}
