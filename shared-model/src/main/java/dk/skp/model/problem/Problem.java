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
        @Schema(examples = "urn:skp:problem:invalid-fields") String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
