package dk.skp.staff.admin;

import dk.skp.model.problem.Problem;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.admin.DeadMessageViews.DeadMessageList;
import dk.skp.staff.security.Viewer;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/dead-messages")
@Tag(name = "Queue administration")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed(Viewer.ADMIN)
// Admin operations need the token's admin role (OpenAPI 3.1: the roles a bearer scheme requires).
@SecurityRequirement(name = "jwt", scopes = Viewer.ADMIN)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only admins handle dead messages",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeadMessageResource {

    public static final int MAX_PAGE_SIZE = 100;

    private final DeadMessageService deadMessages;
    private final CurrentViewer viewer;

    public DeadMessageResource(DeadMessageService deadMessages, CurrentViewer viewer) {
        this.deadMessages = deadMessages;
        this.viewer = viewer;
    }

    @GET
    @Operation(operationId = "listDeadMessages", summary = "List dead queue messages, oldest first",
            description = "Messages that failed skp.staff.queue.max-attempts times and wait for an admin. Shows why they "
                    + "failed, never their content: a message is a concern, and so personal data.")
    @APIResponse(responseCode = "200", description = "Dead messages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadMessageList.class)))
    @APIResponse(responseCode = "422", description = "A query parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadMessageList list(
            @Parameter(description = "Only this topic, e.g. concern-submitted") @QueryParam("topic") @Size(max = ApiLimits.TOPIC, message = "{skp.size.max}") String topic,
            @Parameter(description = "At most this many, 1-100") @QueryParam("limit") @DefaultValue("100")
            @Min(value = 1, message = "{skp.limit}") @Max(value = MAX_PAGE_SIZE, message = "{skp.limit}") int limit) {
        return deadMessages.list(topic == null || topic.isBlank() ? null : topic, limit);
    }

    @POST
    @Path("{id}/replay")
    @Operation(operationId = "replayDeadMessage", summary = "Put a dead message back in line",
            description = "With a fresh count of attempts, for delivery at once: do it after fixing what made it fail. "
                    + "If it fails again it is retried and parked again as before. Logged and audited.")
    @APIResponse(responseCode = "204", description = "Back in line")
    @APIResponse(responseCode = "404", description = "No dead message with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void replay(@PathParam("id") UUID id) {
        deadMessages.replay(viewer.get(), id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "discardDeadMessage", summary = "Discard a dead message for good",
            description = "The concern it carries is lost: only for messages that can never be handled, e.g. a test "
                    + "message or one already registered by other means. Logged and audited.")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "404", description = "No dead message with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void discard(@PathParam("id") UUID id) {
        deadMessages.discard(viewer.get(), id);
    }
}
