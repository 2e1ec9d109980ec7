package dk.skp.model.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check the services' tests rely on: that it still sees types once our 3.1 document is read as 3.0. */
class ResponseContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/api/x": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/X"}}}}}}}},
             "components": {"schemas": {
               "Level": {"type": "string", "enum": ["HIGH", "LOW"]},
               "X": {"type": "object", "required": ["count"], "examples": [{"count": 1}], "properties": {
                 "count": {"type": "integer", "format": "int64"},
                 "note": {"type": ["string", "null"]},
                 "level": {"type": "string", "description": "d", "$ref": "#/components/schemas/Level"},
                 "maybe": {"type": ["string", "null"], "anyOf": [{"$ref": "#/components/schemas/Level"}, {"type": "null"}]},
                 "type": {"type": "string"}}}}}}
            """;

    @TempDir
    Path dir;

    @Test
    void answersThatFitPass() throws IOException {
        OpenApiInteractionValidator validator = validator();
        assertEquals(List.of(), errors(validator, 200, "{\"count\": 1}"));
        assertEquals(List.of(), errors(validator, 200,
                "{\"count\": 1, \"note\": null, \"level\": \"HIGH\", \"maybe\": null, \"type\": \"t\"}"));
        assertEquals(List.of(), errors(validator, 200, "{\"count\": 1, \"note\": \"n\", \"maybe\": \"LOW\"}"));
        assertEquals(List.of(), errors(validator, 500, "{}"), "an internal error is not part of the contract");
    }

    @Test
    void answersThatDoNotFitFail() throws IOException {
        OpenApiInteractionValidator validator = validator();
        assertEquals(List.of("validation.response.body.schema.type"), errors(validator, 200, "{\"count\": \"1\"}"));
        assertEquals(List.of("validation.response.body.schema.type"), errors(validator, 200, "{\"count\": null}"));
        assertEquals(List.of("validation.response.body.schema.type"),
                errors(validator, 200, "{\"count\": 1, \"note\": 5}"));
        assertEquals(List.of("validation.response.body.schema.enum"),
                errors(validator, 200, "{\"count\": 1, \"level\": \"MEDIUM\"}"));
        assertTrue(errors(validator, 200, "{\"count\": 1, \"maybe\": \"MEDIUM\"}")
                .contains("validation.response.body.schema.anyOf"));
        assertEquals(List.of("validation.response.body.schema.required"), errors(validator, 200, "{}"));
        assertEquals(List.of("validation.response.body.schema.additionalProperties"),
                errors(validator, 200, "{\"count\": 1, \"extra\": true}"));
        assertEquals(List.of("validation.response.status.unknown"), errors(validator, 404, "{}"));
    }

    @Test
    void aKeywordThatOpenApi30CannotSayStopsTheCheckInsteadOfBeingDropped() throws IOException {
        Path file = Files.writeString(dir.resolve("const.json"), DOCUMENT.replace("\"format\": \"int64\"", "\"const\": 1"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ResponseContract.asOpenApi30(file));
        assertTrue(e.getMessage().contains("const"), e.getMessage());
    }

    private OpenApiInteractionValidator validator() throws IOException {
        return ResponseContract.validator(Files.writeString(dir.resolve("api.json"), DOCUMENT));
    }

    private static List<String> errors(OpenApiInteractionValidator validator, int status, String body) {
        ValidationReport report = validator.validateResponse("/api/x", Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getKey).distinct().toList();
    }
}
