package ai.altllm.gateway.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Checks JSON against the component schemas of OpenAI's OpenAPI description (src/test/resources/openai-openapi, MIT). */
public final class OpenApiSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ConcurrentHashMap<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OpenApiSchemas() {
    }

    private static Path document() {
        String configured = System.getProperty("openai.openapi", "src/test/resources/openai-openapi/openapi.json");
        return Path.of(configured).toAbsolutePath().normalize();
    }

    /** Fails the test, listing every violation, unless {@code json} is valid for the named component schema. */
    public static void assertValid(String component, String json) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(component, name -> FACTORY.getSchema(
                SchemaLocation.of(document().toUri() + "#/components/schemas/" + name)));
        try {
            JsonNode node = MAPPER.readTree(json);
            Set<ValidationMessage> errors = schema.validate(node);
            if (!errors.isEmpty()) {
                throw new AssertionError("not a valid OpenAI " + component + ": " + errors.stream()
                        .map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + "\n" + json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
