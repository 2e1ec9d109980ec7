package dk.skp.staff.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Every operation that takes a body may answer 413 (dk.skp.model.web.BodyLimit refuses it before any resource sees
 * it), so the contract says so once here rather than on each resource method.
 */
public class BodyLimitResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getRequestBody() != null && operation.getResponses() != null
                        && operation.getResponses().getAPIResponse("413") == null) {
                    operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse()
                            .description("The body is larger than the service accepts (128 KiB; "
                                    + "quarkus.http.limits.max-body-size). Nothing was read or stored.")
                            .content(OASFactory.createContent().addMediaType("application/problem+json",
                                    OASFactory.createMediaType().schema(
                                            OASFactory.createSchema().ref("#/components/schemas/Problem")))));
                }
            }
        }
    }
}
