package ai.altllm.gateway.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Holds a model to its word when a client asked for {@code response_format: json_schema} with {@code strict: true}:
 * the content of every choice of a non-streamed answer must be JSON that validates against the schema.
 */
final class StrictOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private StrictOutput() {
    }

    /** The strict schema the request asks for, or null when there is none to enforce. */
    static JsonObject schemaOf(JsonObject request) {
        if (!(request.get("response_format") instanceof JsonObject format)
                || !"json_schema".equals(format.getString("type", ""))
                || !(format.get("json_schema") instanceof JsonObject spec)
                || spec.get("strict") != JsonValue.TRUE || !(spec.get("schema") instanceof JsonObject schema)) {
            return null;
        }
        return schema;
    }

    /** Null when every choice's content matches; otherwise what is wrong, for the 502's message. */
    static String problem(JsonObject schema, JsonObject completion) {
        JsonSchema validator;
        try {
            validator = FACTORY.getSchema(MAPPER.readTree(schema.toString()));
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // The request's schema was checked for shape at admission; an unusable one enforces nothing.
        }
        for (JsonValue choice : completion.getJsonArray("choices")) {
            JsonObject message = choice.asJsonObject().getJsonObject("message");
            if (message == null || !(message.get("content") instanceof JsonString content)) {
                return "a choice has no text content to check against the schema";
            }
            try {
                JsonNode parsed = MAPPER.readTree(content.getString());
                Set<ValidationMessage> errors = validator.validate(parsed);
                if (!errors.isEmpty()) {
                    return errors.iterator().next().getMessage();
                }
            } catch (JsonProcessingException e) {
                return "the content is not JSON";
            }
        }
        return null;
    }
}
