package dk.skp.staff.overdue;

import dk.skp.staff.rest.ApiLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of missed deadlines, the longest overdue first.")
public record OverduePage(
        @Schema(description = "The missed deadlines on this page.", maxItems = ApiLimits.PAGE) List<OverdueItem> items,
        @Schema(nullable = true, description = "Pass as 'after' to get the next page; absent on the last page.", maxLength = ApiLimits.CURSOR) String next) {
}
