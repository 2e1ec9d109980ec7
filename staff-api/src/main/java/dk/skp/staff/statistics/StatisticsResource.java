package dk.skp.staff.statistics;

import dk.skp.model.problem.Problem;
import dk.skp.staff.rest.QueryParams;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.security.Viewer;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/statistics")
@Tag(name = "Statistics")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed({ Viewer.COORDINATOR, Viewer.ADMIN })
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only coordinators and admins read statistics",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatisticsResource {

    private final StatisticsService statistics;
    private final CurrentViewer viewer;

    public StatisticsResource(StatisticsService statistics, CurrentViewer viewer) {
        this.statistics = statistics;
        this.viewer = viewer;
    }

    @GET
    @Operation(operationId = "getStatistics",
            summary = "Statistics for a period", description = "Counts of the concerns received from the start of "
            + "'from' to the end of 'to' (days in the municipality's time zone): by reporter role, channel, status, "
            + "target group, triage outcome, closing reason and district, and the median time from receipt to triage, "
            + "to the first contact attempt and to established contact. No personal data; concerns erased by "
            + "retention still count. Audited as STATISTICS_READ with the period.")
    @APIResponse(responseCode = "200", description = "The period's statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statistics.class)))
    @APIResponse(responseCode = "400", description = "from or to is missing, not a date, or to is before from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A parameter is longer than documented (errors names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Statistics get(
            @Parameter(description = "First day, e.g. 2026-01-01", required = true) @QueryParam("from") @Size(max = 10, message = "{skp.size.max}") String from,
            @Parameter(description = "Last day (inclusive), e.g. 2026-12-31", required = true) @QueryParam("to") @Size(max = 10, message = "{skp.size.max}") String to) {
        LocalDate first = QueryParams.date("from", from);
        LocalDate last = QueryParams.date("to", to);
        if (last.isBefore(first)) {
            throw QueryParams.badQuery("to", "query.dateRange");
        }
        return statistics.forPeriod(viewer.get(), first, last);
    }
}
