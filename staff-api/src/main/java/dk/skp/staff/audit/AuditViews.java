package dk.skp.staff.audit;

import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.security.Viewer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the audit trail shows: who did what to which concern and when, never the concern's content. */
public final class AuditViews {

    private AuditViews() {
    }

    /** What to look for; null means "any". {@code to} is exclusive. */
    public record AuditCriteria(UUID concernId, String reference, String actor, Instant from, Instant to) {
    }

    @Schema(name = "AuditEntry", description = "One audit row.")
    public record AuditEntry(
            @Schema(minimum = "1", maximum = "9223372036854775807") long id,
            Instant occurredAt,
            @Schema(description = "The staff member's subject (sub) from their token, or system:... for schedules",
                    examples = "coordinator-7", maxLength = ApiLimits.SUBJECT) String actor,
            @Schema(nullable = true, description = "Their name as their token gave it (rows written since the client came)", maxLength = ApiLimits.NAME)
            String actorName,
            @Schema(description = "The roles the token carried", maxItems = 3, type = SchemaType.ARRAY, implementation = Viewer.Role.class) List<String> actorRoles,
            @Schema(examples = "READ", maxLength = ApiLimits.ACTION, pattern = "^[A-Z_]+$") String action,
            @Schema(nullable = true, description = "The concern concerned, if one") UUID concernId,
            @Schema(nullable = true, description = "Search criteria and the like; never the concern's content") Map<String, Object> details) {
    }

    @Schema(name = "AuditPage", description = "One page of audit rows, oldest first.")
    public record AuditPage(
            @Schema(maxItems = ApiLimits.PAGE) List<AuditEntry> items,
            @Schema(nullable = true, description = "Pass as 'after' to get the next page; absent on the last page.", maxLength = ApiLimits.CURSOR) String next) {
    }
}
