package dk.skp.intake.rest;

import dk.skp.intake.service.Catalog;
import dk.skp.intake.service.CatalogService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog")
@Tag(name = "Catalog")
public class CatalogResource {

    private final CatalogService catalogs;

    public CatalogResource(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCatalog",
            summary = "What a form needs", description = "Vocabularies with Danish and English labels, every field with "
            + "its limits, label and help text, the rules for which choice needs which field, and the notices. Modelled on "
            + "Open311 service definitions. Changes only with a new release, so it may be cached.")
    @SecurityRequirementsSet // public: no credentials
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Catalog.class)))
    public Response catalog() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(catalogs.catalog()).cacheControl(cache).build();
    }
}
