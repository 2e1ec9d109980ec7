package dk.skp.staff.core;

import dk.skp.staff.rest.ApiLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of concerns, newest first.")
public record ConcernPage(
        @Schema(description = "The concerns on this page.", maxItems = ApiLimits.PAGE) List<ConcernSummary> items,
        @Schema(nullable = true, description = "Pass as 'after' to get the next page; absent on the last page.", maxLength = ApiLimits.CURSOR) String next) {
}
