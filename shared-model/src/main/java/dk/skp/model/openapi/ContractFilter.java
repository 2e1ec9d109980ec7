package dk.skp.model.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.servers.ServerVariable;

/**
 * What both services' OpenAPI documents say alike, once: the server they are reached at (https only, behind the
 * municipality's TLS proxy), the limits of the JDK types the documents name (a UUID, an Instant, a LocalDate: a
 * longer string is not one and is refused with 400 before any resource sees it), and no {@code type} or {@code items}
 * beside a {@code $ref} or a nullable reference (the referenced schema has them). Each service's filter extends this one (mp.openapi.filter).
 */
public abstract class ContractFilter implements OASFilter {

    /** The longest ISO-8601 instant Jackson reads, e.g. 2026-11-28T10:20:23.123456789+01:00. */
    public static final int INSTANT_MAX_LENGTH = 35;

    /** Whether the API is for the municipality's own staff (true) or for the public and partners (false). */
    protected abstract boolean internal();

    /** What the API is, for the server's description, e.g. "the public intake API". */
    protected abstract String serverDescription();

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setType(null);
            schema.setItems(null);
        } else if (schema.getType() != null && schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()
                && schema.getAnyOf().stream().allMatch(ContractFilter::refOrNull)) {
            // nullable reference: anyOf [{$ref}, {type: null}] says it all; a type beside it would have to repeat
            // the referenced schema's limits
            schema.setType(null);
        }
        return schema;
    }

    private static boolean refOrNull(Schema schema) {
        return schema.getRef() != null || List.of(Schema.SchemaType.NULL).equals(schema.getType());
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(List.of(OASFactory.createServer()
                .url("https://{host}")
                .description("Production: " + serverDescription() + ", https only; TLS ends at the municipality's "
                        + "reverse proxy in front of the service (README, \"Running it in production\").")
                .variables(Map.of("host", (ServerVariable) OASFactory.createServerVariable()
                        .defaultValue(internal() ? "skp-staff.example-kommune.dk" : "skp.example-kommune.dk")
                        .description("The host name the municipality serves the API under.")))
                .addExtension("x-internal", internal())));
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        limit(schemas.get("UUID"), 36, 36);
        limit(schemas.get("Instant"), 20, INSTANT_MAX_LENGTH);
        limit(schemas.get("LocalDate"), 10, 10);
    }

    private static void limit(Schema schema, int minLength, int maxLength) {
        if (schema != null) {
            schema.setMinLength(minLength);
            schema.setMaxLength(maxLength);
        }
    }
}
