package dk.skp.staff.rest;

import dk.skp.model.openapi.ContractFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What staff's contract says of many operations alike, once here rather than on each resource method: every
 * operation that takes a body may answer 413 (dk.skp.model.web.BodyLimit refuses it before any resource sees it);
 * every change to a concern takes its version as If-Match ({@link IfMatch}), answers 428 without it and 412 when the
 * concern changed since, and gives the new version as ETag; and what both services' documents say alike (servers, JDK
 * types: {@link ContractFilter}).
 */
public class StaffContract extends ContractFilter {

    @Override
    protected boolean internal() {
        return true;
    }

    @Override
    protected String serverDescription() {
        return "the staff API and the staff client";
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        headersAndCounts(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getResponses() == null) {
                    continue;
                }
                if (operation.getRequestBody() != null) {
                    problem(operation, "413", "The body is larger than the service accepts (128 KiB; "
                            + "quarkus.http.limits.max-body-size). Nothing was read or stored.");
                }
                if (takesIfMatch(operation)) {
                    problem(operation, "412", "The concern changed since the If-Match version was read: read it again");
                    problem(operation, "428", "If-Match is missing (or *)");
                    operation.getResponses().getAPIResponses().forEach((code, response) -> {
                        if (code.startsWith("2") && (response.getHeaders() == null
                                || !response.getHeaders().containsKey("ETag"))) {
                            response.addHeader("ETag", OASFactory.createHeader()
                                    .description("The concern's new version").schema(etag()));
                        }
                    });
                }
            }
        }
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> IfMatch.HEADER.equalsIgnoreCase(parameter.getName()));
    }

    /** Adds a problem+json answer with this code, unless the operation says its own. */
    private static void problem(Operation operation, String code, String description) {
        if (operation.getResponses().getAPIResponse(code) == null) {
            operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(
                                    OASFactory.createSchema().ref("#/components/schemas/Problem")))));
        }
    }

    /**
     * The formats of the headers the resources name (ETag, If-Match: a concern's version in quotes, IfMatch; Location:
     * the new concern's path; Idempotent-Replayed: true), and the statistics' counts, which are never negative.
     */
    private static void headersAndCounts(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        for (Parameter parameter : operation.getParameters()) {
                            if (IfMatch.HEADER.equalsIgnoreCase(parameter.getName())) {
                                parameter.required(true).description(IfMatch.DESCRIPTION).setSchema(etag());
                            }
                        }
                    }
                    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                        continue;
                    }
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        if (response.getHeaders() == null) {
                            continue;
                        }
                        response.getHeaders().forEach((name, header) -> {
                            switch (name) {
                                case "ETag" -> header.setSchema(etag());
                                case "Location" -> header.setSchema(string().format("uri-reference").maxLength(100));
                                case "Idempotent-Replayed" -> header.setSchema(string().enumeration(List.of("true")));
                                default -> {
                                }
                            }
                        });
                    }
                }
            }
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            for (String counts : List.of("Statistics", "ConsentStatistics")) {
                Schema schema = openAPI.getComponents().getSchemas().get(counts);
                if (schema != null && schema.getProperties() != null) {
                    schema.getProperties().values().forEach(property -> {
                        Schema value = property.getAdditionalPropertiesSchema();
                        if (value != null && List.of(Schema.SchemaType.INTEGER).equals(value.getType())) {
                            value.minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Long.MAX_VALUE));
                        }
                    });
                }
            }
        }
    }

    /** A concern's version as a strong ETag, e.g. "7": what IfMatch sends and reads back. */
    private static Schema etag() {
        return string().maxLength(ApiLimits.ETAG).pattern("^\"[0-9]+\"$");
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }
}
