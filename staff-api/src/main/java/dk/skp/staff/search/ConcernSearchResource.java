package dk.skp.staff.search;

import dk.skp.staff.config.StaffConfig;
import dk.skp.model.problem.Problem;
import dk.skp.staff.security.CurrentViewer;
import dk.skp.staff.search.SearchViews.ConcernSearchRequest;
import dk.skp.staff.search.SearchViews.SamePersonCandidate;
import dk.skp.staff.search.SearchViews.SearchPage;
import dk.skp.staff.security.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Finding the same person: search, and "possibly the same person" for a concern. */
@Path("/api/v1/concerns")
@Tag(name = "Search")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConcernSearchResource {

    private final ConcernSearch search;
    private final CurrentViewer viewer;

    public ConcernSearchResource(ConcernSearch search, CurrentViewer viewer) {
        this.search = search;
        this.viewer = viewer;
    }

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Viewer.COORDINATOR, Viewer.CONTACT_PERSON })
    @Operation(operationId = "searchConcerns",
            summary = "Search concerns by what they say", description = "By address, postcode, place, the "
            + "person's name or appearance, the reporter's role or organisation, status, when received, and words "
            + "anywhere in the report. Coordinators search every concern, contact persons those assigned to them; "
            + "concerns whose personal data is erased are never found. The best matches come first, each with why it "
            + "matched. A POST, because the criteria are personal data: a body stays out of access logs and browser "
            + "histories. Keyset pagination: send the previous page's 'next' as 'after' with the same criteria. "
            + "Audited as a search, with its criteria.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON in the documented shape, or 'after' is not "
            + "a cursor this service handed out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No criterion, a text too short or too long, a bad postcode, "
            + "receivedTo before receivedFrom, or limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchPage search(@Valid @NotNull(message = "{skp.required}") ConcernSearchRequest body) {
        return search.search(viewer.get(), body);
    }

    @GET
    @Path("{id}/same-person-candidates")
    @RolesAllowed(Viewer.COORDINATOR)
    @Operation(operationId = "findSamePersonCandidates",
            summary = "Concerns possibly about the same person (coordinator)", description = "Other concerns with "
            + "a similar address, the same postcode and a similar place description, or a similar name (pg_trgm "
            + "similarity at least skp.staff.search.similarity), the most alike first, at most "
            + "skp.staff.search.max-candidates; each with why, and whether it is linked already. Link one with "
            + "POST /{id}/links. Concerns whose personal data is erased are never suggested, nor have any. Audited as a "
            + "read of this concern.")
    @APIResponse(responseCode = "200", description = "The candidates, the most alike first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SamePersonCandidate.class,
                            maxItems = StaffConfig.Search.MAX_CANDIDATES)))
    @APIResponse(responseCode = "404", description = "No such concern",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<SamePersonCandidate> samePerson(@PathParam("id") UUID id) {
        return search.samePerson(viewer.get(), id);
    }
}
