package dk.skp.staff.admin;

import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.staff.rest.ApiLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the partner administration reads and writes. */
public final class PartnerViews {

    private PartnerViews() {
    }

    @Schema(description = "A new partner organisation.")
    public record NewPartner(
            @Schema(description = "Short, stable id, e.g. fyns-politi", examples = "fyns-politi", maxLength = 63)
            @NotBlank(message = "{skp.required}") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "{skp.partnerId}") String id,
            @NotBlank(message = "{skp.required}") @Size(max = 200, message = "{skp.size.max}") String name,
            @Schema(description = "Reporter role used when the partner's submissions name none")
            @NotNull(message = "{skp.required}") ReporterRole defaultRole) {
    }

    @Schema(description = "A partner organisation and its keys (never the keys themselves).")
    public record Partner(@Schema(maxLength = 63, pattern = "^[a-z0-9][a-z0-9-]{1,62}$") String id, @Schema(maxLength = ApiLimits.NAME) String name, ReporterRole defaultRole, Instant createdAt,
            @Schema(nullable = true) Instant revokedAt, List<Key> keys) {
    }

    @Schema(description = "An API key, identified by its first characters.")
    public record Key(@Schema(examples = "skp_3q2Xk9", maxLength = 10, pattern = "^skp_[A-Za-z0-9_-]{6}$") String prefix, Instant createdAt,
            @Schema(nullable = true) Instant revokedAt) {
    }

    @Schema(description = "A new API key. This is the only time the key is shown: give it to the partner now.")
    public record IssuedKey(@Schema(description = "The key, for Authorization: Bearer <key>", maxLength = 64, pattern = "^skp_[A-Za-z0-9_-]+$") String key, @Schema(maxLength = 10, pattern = "^skp_[A-Za-z0-9_-]{6}$") String prefix,
            Instant createdAt) {
    }
}
