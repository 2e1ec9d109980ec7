package dk.skp.intake.rest;

import dk.skp.intake.protection.AltchaChallenge;
import dk.skp.intake.protection.SpamGuard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/challenge")
@Tag(name = "Spam protection")
public class ChallengeResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final SpamGuard guard;

    public ChallengeResource(SpamGuard guard) {
        this.guard = guard;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getChallenge",
            summary = "A proof-of-work challenge", description = "A fresh challenge in the ALTCHA format for the "
            + "public web form (the ALTCHA widget can use this address as its challengeurl). Solving it takes a browser "
            + "about a second; each solution is accepted once.")
    @SecurityRequirementsSet // public: no credentials
    @APIResponse(responseCode = "200", description = "A new challenge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AltchaChallenge.class)))
    public Response challenge() {
        return Response.ok(guard.newChallenge()).cacheControl(NO_STORE).build();
    }
}
