package dk.skp.model.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code errors} lists each bad field. Never carries a stack trace or any value the
 * client sent, since those may be personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, in Danish or English after Accept-Language.")
public record Problem(
        @Schema(examples = "urn:skp:problem:invalid-fields", maxLength = 100, pattern = "^urn:skp:problem:[a-z0-9-]+$")
        String type,
        @Schema(maxLength = 200) String title,
        @Schema(minimum = "400", maximum = "599") int status,
        @Schema(maxLength = 2000, description = "May name the municipality's route for notifications about children.")
        String detail,
        @Schema(maxLength = 4096, description = "The request's path (at most quarkus.http.limits.max-initial-line-length).")
        String instance,
        @Schema(maxItems = 200, description = "One per bad field; a body has fewer fields than this.") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
