package dk.skp.model.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How both services read JSON bodies, beyond Quarkus' defaults: text PostgreSQL cannot store is refused as the field
 * is read ({@link StorableText}), and a key that appears twice in one object is a malformed body rather than "the last
 * one wins" - two readers of the same body must not see two different requests, and Jackson cannot even build a
 * one-field record from such a body (it failed with a 500).
 */
@Singleton
public class RequestJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(StorableText.module());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
