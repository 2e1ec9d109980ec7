package dk.skp.model.concern;

import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.ReporterRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who raises the concern. ANONYMOUS reporters give no name or contact data; CONFIDENTIAL and "
        + "NAMED ones give a phone number or an e-mail address, NAMED ones also their name.")
public record Reporter(
        @Schema(nullable = true, description = "Required, except from partner systems, which default to their organisation's role.")
        ReporterRole role,
        @Schema(nullable = true, description = "Required, except from partner systems, which always report as NAMED.")
        Anonymity anonymity,
        @Schema(nullable = true) @Size(max = 200, message = "{skp.size.max}") String name,
        @Schema(nullable = true) @Size(max = 200, message = "{skp.size.max}") String organisation,
        @Schema(nullable = true) @Size(max = 40, message = "{skp.size.max}")
        @Pattern(regexp = "\\+?[0-9 ()-]{6,40}", message = "{skp.phone}") String phone,
        @Schema(nullable = true) @Size(max = 254, message = "{skp.size.max}") @Email(message = "{skp.email}") String email,
        @Schema(description = "The reporter wants to look up the coarse status later with a passcode.")
        boolean wantsStatusUpdates) {
}
