package ai.altllm.gateway.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a tool's {@code parameters} against the JSON Schema 2020-12 meta-schema, so a schema no model provider can
 * use is refused with a 400 naming it instead of failing upstream. Schemas already found valid are remembered (by
 * text, bounded), since clients send the same tool definitions with every request.
 */
final class ToolSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema META = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SchemaId.V202012));
    private static final int MAX_REMEMBERED = 1_000;
    private static final Map<String, Boolean> VALID = new ConcurrentHashMap<>();

    private ToolSchemas() {
    }

    /** Null when the schema is a valid JSON Schema; otherwise the first problem, for the error message. */
    static String problem(JsonObject parameters) {
        String text = parameters.toString();
        if (VALID.containsKey(text)) {
            return null;
        }
        Set<ValidationMessage> errors;
        try {
            errors = META.validate(MAPPER.readTree(text));
        } catch (Exception e) {
            return "it could not be read as JSON Schema";
        }
        if (!errors.isEmpty()) {
            return errors.iterator().next().getMessage();
        }
        if (VALID.size() >= MAX_REMEMBERED) {
            VALID.clear();
        }
        VALID.put(text, Boolean.TRUE);
        return null;
    }
}
