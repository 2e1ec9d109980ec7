package dk.skp.model.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.core.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every answer a test gets from an {@code /api/} path against the service's committed OpenAPI document
 * (openapi/*.json, which the build regenerates from the resources' annotations together with its *.yaml twin): a
 * status code, content type, header or body the document does not describe fails the request, and with it the test.
 * Paths outside {@code /api/} (the web form, its assets, /q/health, /q/metrics) are not in the document and pass
 * unchecked. It reads the JSON twin because a YAML 1.1 reader, such as the one under the library, takes the unquoted
 * enum values 18_29, 30_49 and 50_66 in the YAML for the numbers 1829, 3049 and 5066.
 *
 * <p>The library (swagger-request-validator 2.x) reads OpenAPI 3.0; given our 3.1 documents it silently drops every
 * {@code type} and {@code anyOf}, so a number where a string belongs would pass. So the document it gets is the
 * committed one read as 3.0 (see {@link #asOpenApi30}): the few 3.1 forms smallrye writes are rewritten to their 3.0
 * equivalents, and any other 3.1-only keyword stops the tests rather than being lost.
 *
 * <p>Requests are not checked: tests send malformed and unauthorised requests on purpose, and probe routes and methods
 * that do not exist (their 404/405 has no operation in the document to be checked against). Since the document is
 * generated from the resources, every real operation is in it.
 */
public final class ResponseContract implements Filter {

    /** One parsed document per file and class loader: parsing takes about a second, a request a millisecond. */
    private static final Map<Path, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final OpenApiValidationFilter validation;

    private ResponseContract(OpenApiValidationFilter validation) {
        this.validation = validation;
    }

    /** Adds the check to RestAssured's global filters, once (Quarkus' test class loader keeps them between classes). */
    public static synchronized void attach(Path document) {
        if (RestAssured.filters().stream().anyMatch(ResponseContract.class::isInstance)) {
            return;
        }
        RestAssured.filters(new ResponseContract(new OpenApiValidationFilter(validator(document))));
    }

    static OpenApiInteractionValidator validator(Path document) {
        Path file = document.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no OpenAPI document at " + file + " (tests run in the module's directory)");
        }
        return VALIDATORS.computeIfAbsent(file, f -> OpenApiInteractionValidator
                .createForInlineApiSpecification(asOpenApi30(f))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", Level.IGNORE)
                        .build())
                // A 500 is a failure no operation promises; the one test that provokes it checks its problem+json.
                .withWhitelist(ValidationErrorsWhitelist.create().withRule("an internal error is undocumented",
                        WhitelistRules.allOf(WhitelistRules.messageHasKey("validation.response.status.unknown"),
                                WhitelistRules.responseStatusIs(500))))
                .build());
    }

    /** JSON Schema 2020-12 keywords that OpenAPI 3.0 has no form for: a schema using one cannot be checked here. */
    private static final Set<String> ONLY_IN_31 = Set.of("const", "prefixItems", "$defs", "if", "then", "else",
            "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contains",
            "minContains", "maxContains", "propertyNames", "patternProperties", "exclusiveMinimum", "exclusiveMaximum");

    /** What may stand beside a {@code $ref}: annotations, and the type the referenced schema has anyway. */
    private static final Set<String> BESIDE_REF = Set.of("$ref", "description", "title", "type", "deprecated",
            "examples", "example", "readOnly", "writeOnly", "default");

    /**
     * The document as OpenAPI 3.0, with the same meaning: {@code type: [T, "null"]} becomes {@code type: T,
     * nullable: true}; {@code anyOf: [{$ref}, {type: "null"}]} stays (the schema validator underneath knows the null
     * type); a {@code $ref}'s sibling annotations go, as 3.0 ignores them; a schema's {@code examples} list becomes
     * its first {@code example}.
     */
    static String asOpenApi30(Path document) {
        try {
            JsonNode root = Json.mapper().readTree(document.toFile());
            if (!root.path("openapi").asText().startsWith("3.1.")) {
                throw new IllegalStateException(document + " is not OpenAPI 3.1: look at ResponseContract again");
            }
            ((ObjectNode) root).put("openapi", "3.0.3");
            downgrade(root, "");
            return Json.mapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void downgrade(JsonNode node, String at) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                downgrade(array.get(i), at + "/" + i);
            }
            return;
        }
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (at.endsWith("/properties")) {
            // property names, not keywords: a property may well be called "type" or "examples"
            schema.fields().forEachRemaining(field -> downgrade(field.getValue(), at + "/" + field.getKey()));
            return;
        }
        for (String keyword : ONLY_IN_31) {
            if (schema.has(keyword)) {
                throw new IllegalStateException("OpenAPI 3.1 keyword " + keyword + " at " + at
                        + ": the response check cannot express it in 3.0 (see ResponseContract)");
            }
        }
        if (schema.get("type") instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            types.forEach(t -> named.add(t.asText()));
            boolean nullable = named.remove("null");
            if (named.size() != 1) {
                throw new IllegalStateException("type " + types + " at " + at + " has no OpenAPI 3.0 form");
            }
            schema.put("type", named.get(0));
            if (nullable) {
                schema.put("nullable", true);
            }
        }
        if (schema.get("examples") instanceof ArrayNode examples) {
            schema.remove("examples");
            if (!examples.isEmpty()) {
                schema.set("example", examples.get(0));
            }
        }
        if (schema.has("$ref")) {
            schema.fieldNames().forEachRemaining(key -> {
                if (!BESIDE_REF.contains(key)) {
                    throw new IllegalStateException(key + " beside $ref at " + at + " would be lost in OpenAPI 3.0");
                }
            });
            schema.retain("$ref");
        }
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                downgrade(field.getValue(), at + "/" + field.getKey());
            }
        });
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        String path = URI.create(request.getURI()).getPath();
        if (!path.startsWith("/api/")) {
            return context.next(request, response);
        }
        return validation.filter(request, response, context);
    }
}
