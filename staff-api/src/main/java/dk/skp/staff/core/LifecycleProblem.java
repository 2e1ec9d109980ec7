package dk.skp.staff.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.core.Lifecycle.Move;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details for a move the lifecycle does not allow, with what it does allow. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LifecycleProblem", description = "Problem details (409) for a move that the concern's status does not "
        + "allow, with the moves that exist from it.")
public record LifecycleProblem(
        @Schema(description = "Always urn:skp:problem:conflict here.", examples = "urn:skp:problem:conflict", maxLength = 100, pattern = "^urn:skp:problem:[a-z0-9-]+$") String type,
        @Schema(description = "Short, in the reader's language.", maxLength = 200) String title,
        @Schema(description = "409.", minimum = "409", maximum = "409") int status,
        @Schema(description = "The refused move, the status and the moves possible now, in the reader's language.", maxLength = 2000)
        String detail,
        @Schema(description = "The path that was called.", maxLength = 4096) String instance,
        @Schema(description = "The concern's status now.") ConcernStatus currentStatus,
        @Schema(description = "The move that was refused.") Move refusedMove,
        @Schema(description = "The moves possible from currentStatus.", maxItems = 20) List<Move> allowedMoves) {
}
