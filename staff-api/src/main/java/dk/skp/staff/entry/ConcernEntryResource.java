package dk.skp.staff.entry;

import dk.skp.model.problem.Problem;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.entry.ConcernEntry.EnteredConcern;
import dk.skp.staff.entry.ConcernEntry.NewConcern;
import dk.skp.staff.entry.ConcernEntry.Outcome;
import dk.skp.staff.security.Viewer;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Concerns told to staff by phone, in person, by e-mail or letter, entered in the staff client. */
@Path("/api/v1/concerns")
@Tag(name = "Concerns")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed({ Viewer.COORDINATOR, Viewer.CONTACT_PERSON })
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only coordinators and contact persons take concerns",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConcernEntryResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final ConcernEntryService entries;
    private final CurrentViewer viewer;

    public ConcernEntryResource(ConcernEntryService entries, CurrentViewer viewer) {
        this.entries = entries;
        this.viewer = viewer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "enterConcern",
            summary = "Enter a concern told by phone, in person, by e-mail or letter", description = "The same "
            + "contract and rules as intake's public API, without its public protections: under 18 is refused as a "
            + "child-welfare matter and nothing is stored, CPR numbers are removed, acute danger makes it URGENT. It "
            + "gets a reference like any other, lands in the coordinators' inbox (RECEIVED, nobody's), records who "
            + "took it, and is audited as CREATE. A contact person who enters one sees it again only when it is "
            + "assigned to them (or claimable, once triaged). With issuePasscode the answer carries the reporter's "
            + "passcode, this once.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "The client's key for this concern: "
            + "the same key with the same body within 24 hours answers with the concern the first request made (with a "
            + "new passcode, if one was asked for) and makes nothing; with another body it is refused with 422. Keys "
            + "are the staff member's own.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {
                    @Header(name = "Location", description = "The concern", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = "true when this is the concern of an earlier "
                            + "request with the same Idempotency-Key", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnteredConcern.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape (unknown field, wrong type, unknown code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Fields break the rules (errors names each one, the report's as "
            + "report.*); the person is under 18 (type urn:skp:problem:child-welfare: the reporter makes a "
            + "notification to children's services instead); or the Idempotency-Key was used with another body. "
            + "Nothing was stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enter(
            @HeaderParam("Idempotency-Key") @Size(max = 200, message = "{skp.size.max}") @Pattern(regexp = "[\\x21-\\x7E]{1,200}", message = "{skp.idempotencyKey}") String idempotencyKey,
            @Valid @NotNull(message = "{skp.required}") NewConcern body) {
        Outcome outcome = entries.enter(viewer.get(), body, idempotencyKey);
        EnteredConcern concern = outcome.concern();
        Response.ResponseBuilder answer = Response.created(URI.create("/api/v1/concerns/" + concern.id()))
                .entity(concern).cacheControl(NO_STORE);
        if (outcome.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.build();
    }
}
