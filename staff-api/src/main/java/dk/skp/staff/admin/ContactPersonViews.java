package dk.skp.staff.admin;

import dk.skp.staff.rest.ApiLimits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the contact-person administration reads and writes. */
public final class ContactPersonViews {

    private ContactPersonViews() {
    }

    @Schema(description = "A new contact person. The subject links them to their sign-in and cannot change later.")
    public record NewContactPerson(
            @Schema(description = "The 'sub' claim of their tokens from the OIDC provider.", examples = "cp-anna")
            @NotBlank(message = "{skp.required}") @Size(max = 255, message = "{skp.size.max}") String subject,
            @Schema(description = "Their name, as the team knows them.")
            @NotBlank(message = "{skp.required}") @Size(max = 200, message = "{skp.size.max}") String name,
            @Schema(description = "Their work e-mail, for notices about assignments.")
            @NotBlank(message = "{skp.required}") @Size(max = 254, message = "{skp.size.max}")
            @Email(message = "{skp.email}") String email,
            @Schema(description = "Districts they cover.", examples = "[\"Vollsmose\", \"Odense C\"]")
            @Size(max = 50, message = "{skp.size.max}")
            List<@NotBlank(message = "{skp.required}") @Size(max = 80, message = "{skp.size.max}") String> districts,
            @Schema(description = "How many open concerns they can hold.")
            @NotNull(message = "{skp.required}") @Min(value = 0, message = "{skp.capacity}")
            @Max(value = 200, message = "{skp.capacity}") Integer capacity,
            @Schema(description = "Away up to and including this day.") LocalDate absentUntil) {
    }

    @Schema(description = "A contact person's changeable details; all are replaced.")
    public record ContactPersonUpdate(
            @Schema(description = "Their name.")
            @NotBlank(message = "{skp.required}") @Size(max = 200, message = "{skp.size.max}") String name,
            @Schema(description = "Their work e-mail.")
            @NotBlank(message = "{skp.required}") @Size(max = 254, message = "{skp.size.max}")
            @Email(message = "{skp.email}") String email,
            @Schema(description = "Districts they cover; absent or empty for none.")
            @Size(max = 50, message = "{skp.size.max}")
            List<@NotBlank(message = "{skp.required}") @Size(max = 80, message = "{skp.size.max}") String> districts,
            @Schema(description = "How many open concerns they can hold, 0-200.")
            @NotNull(message = "{skp.required}") @Min(value = 0, message = "{skp.capacity}")
            @Max(value = 200, message = "{skp.capacity}") Integer capacity,
            @Schema(description = "Away up to and including this day; leave out when present.") LocalDate absentUntil) {
    }

    @Schema(description = "A contact person and their current load.")
    public record ContactPerson(
            @Schema(description = "Their id in the administration; used to assign concerns.") UUID id,
            @Schema(description = "The 'sub' claim of their tokens; what concerns' assignedTo holds.", maxLength = ApiLimits.SUBJECT) String subject,
            @Schema(description = "Their name.", maxLength = ApiLimits.NAME) String name,
            @Schema(description = "Their work e-mail.", maxLength = ApiLimits.EMAIL) String email,
            @Schema(description = "Districts they cover.", maxItems = 50, type = SchemaType.ARRAY, implementation = ApiLimits.District.class) List<String> districts,
            @Schema(description = "How many open concerns they can hold.", minimum = "0", maximum = "200") int capacity,
            @Schema(description = "Open concerns they hold now.", minimum = "0", maximum = "9223372036854775807") long openConcerns,
            @Schema(nullable = true, description = "Away up to and including this day, if set.") LocalDate absentUntil,
            @Schema(description = "Absent today.") boolean absent,
            @Schema(description = "When they were added.") Instant createdAt) {
    }
}
