package dk.skp.intake.rest;

import dk.skp.model.openapi.ContractFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The headers intake sends on many answers, said once here (mp.openapi.filter) rather than on each resource method:
 * <ul>
 * <li>{@code RateLimit} and {@code RateLimit-Policy} on the 2xx and 4xx answers of every operation that may answer
 * 429, i.e. that dk.skp.intake.service.RateLimiter counts (it sets them);</li>
 * <li>{@code Retry-After} on every 429 and 503 (ProblemMappers sets it from the ProblemException);</li>
 * <li>{@code Access-Control-Allow-Origin} on every answer: sent to a browser on one of skp.intake.cors-origins.</li>
 * </ul>
 */
public class IntakeContract extends ContractFilter {

    /** The longest wait a 429 names: the rest of a one-hour window, plus a second. */
    private static final int MAX_RETRY_AFTER = 3601;

    @Override
    protected boolean internal() {
        return false;
    }

    @Override
    protected String serverDescription() {
        return "the public intake API";
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        openAPI.getComponents()
                .addHeader("RateLimit", header("Where the client stands in the allowance of RateLimit-Policy: requests "
                        + "left (r) and seconds until the window ends (t) (draft-ietf-httpapi-ratelimit-headers). Sent "
                        + "when the request was counted.", string(100, "^\"[a-z]+\";r=[0-9]+;t=[0-9]+$")))
                .addHeader("RateLimit-Policy", header("The allowance the request was counted against: requests (q) "
                        + "per window of seconds (w), e.g. \"submit\";q=20;w=3600 (draft-ietf-httpapi-ratelimit-headers).",
                        string(100, "^\"[a-z]+\";q=[0-9]+;w=[0-9]+$")))
                .addHeader("Retry-After", header("Seconds to wait before trying again.", OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.INTEGER)).format("int32").minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(MAX_RETRY_AFTER))))
                .addHeader("Access-Control-Allow-Origin", header("Only to a browser calling from one of the origins "
                        + "the operator allows (skp.intake.cors-origins); no other origin may read the answer.",
                        string(500, "^https?://[^\\s]+$")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
                boolean counted = responses.containsKey("429");
                responses.forEach((status, response) -> {
                    if (response.getRef() != null) {
                        return;
                    }
                    if (counted && (status.startsWith("2") || status.startsWith("4"))) {
                        response.addHeader("RateLimit", ref("RateLimit"));
                        response.addHeader("RateLimit-Policy", ref("RateLimit-Policy"));
                    }
                    if (status.equals("429") || status.equals("503")) {
                        response.addHeader("Retry-After", ref("Retry-After"));
                    }
                    response.addHeader("Access-Control-Allow-Origin", ref("Access-Control-Allow-Origin"));
                });
            }
        }
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static Schema string(int maxLength, String pattern) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(maxLength).pattern(pattern);
    }
}
