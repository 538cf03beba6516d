package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.errors.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatValidatorTest {

    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

    private static JsonObject body(String extra) {
        return RequestBody.parse(("{\"model\":\"m\"," + MESSAGES + extra + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String param(String extra, boolean jsonMode) {
        return assertThrows(ApiException.class, () -> ChatValidator.check(body(extra), jsonMode)).param();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ",\"temperature\":2.01|temperature",
        ",\"temperature\":\"hot\"|temperature",
        ",\"top_p\":1.5|top_p",
        ",\"n\":0|n",
        ",\"n\":1.5|n",
        ",\"max_tokens\":0|max_tokens",
        ",\"max_tokens\":9223372036854775808|max_tokens",
        ",\"max_tokens\":1180591620717411303424|max_tokens",
        ",\"max_tokens\":1048577|max_tokens",
        ",\"max_completion_tokens\":9223372036854775808|max_completion_tokens",
        ",\"n\":129|n",
        ",\"n\":18446744073709551617|n",
        ",\"seed\":9223372036854775808|seed",
        ",\"seed\":-9223372036854775809|seed",
        ",\"seed\":1.5|seed",
        ",\"top_logprobs\":21|top_logprobs",
        ",\"max_completion_tokens\":-1|max_completion_tokens",
        ",\"presence_penalty\":-2.5|presence_penalty",
        ",\"frequency_penalty\":2.5|frequency_penalty",
        ",\"stop\":[1]|stop",
        ",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]|stop",
        ",\"stream\":1|stream",
        ",\"logprobs\":\"yes\"|logprobs",
        ",\"top_logprobs\":21|top_logprobs",
        ",\"stream_options\":true|stream_options",
        ",\"tools\":{}|tools",
        ",\"tools\":[{\"type\":\"retrieval\"}]|tools[0]",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"a b\"}}]|tools[0].function.name",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":[]}}]|tools[0].function.parameters",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}},{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]|tools[1].function.name",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"objekt\"}}}]|tools[0].function.parameters",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"required\":\"city\"}}}]|tools[0].function.parameters",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}}},{\"type\":\"function\",\"function\":{\"name\":\"g\",\"parameters\":{\"properties\":{\"a\":{\"type\":5}}}}}]|tools[1].function.parameters",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"\"}}]|tools[0].function.name",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"this_name_is_far_too_long_for_openai_tools_it_has_more_than_64_chars\"}}]|tools[0].function.name",
        ",\"builtin_tools\":\"no\"|builtin_tools",
        ",\"tool_choice\":\"always\"|tool_choice",
        ",\"tool_choice\":\"required\"|tool_choice",
        ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"g\"}}|tool_choice",
        ",\"response_format\":{\"type\":\"yaml\"}|response_format",
        ",\"response_format\":{\"type\":\"json_schema\"}|response_format",
        ",\"api_base\":\"http://x\"|api_base",
        ",\"base_url\":\"http://x\"|base_url",
        ",\"API_KEY\":\"k\"|API_KEY",
        ",\"headers\":{}|headers",
        ",\"proxy_host\":\"x\"|proxy_host",
        ",\"callback_url\":\"x\"|callback_url",
        ",\"models\":[\"openai/gpt-5\"]|models",
        ",\"provider\":{\"order\":[\"openai\"]}|provider",
        ",\"route\":\"fallback\"|route",
        ",\"transforms\":[\"middle-out\"]|transforms",
        ",\"extra_body\":{\"models\":[\"x\"]}|extra_body",
        ",\"deployment\":\"d\"|deployment",
        ",\"upstream_model\":\"openai/gpt-5\"|upstream_model",
        ",\"top_k\":40|top_k",
        ",\"Temperature\":1|Temperature",
    })
    void refusesWithTheParam(String extra, String param) {
        assertEquals(param, param(extra, true));
    }

    @Test
    void aHundredThousandDigitNumberIsA400() {
        String digits = "9".repeat(100_000);
        for (String field : new String[] {"max_tokens", "temperature", "seed"}) {
            ApiException refused = assertThrows(ApiException.class, () -> body(",\"" + field + "\":" + digits));
            assertEquals(400, refused.status(), field);
        }
    }

    @Test
    void maxTokensIsBoundedByTheModelsMaxOutput() {
        assertEquals("max_tokens", assertThrows(ApiException.class, () -> ChatValidator.check(
                body(",\"max_tokens\":4097"), false, 4096, Set.of())).param());
        assertEquals("max_completion_tokens", assertThrows(ApiException.class, () -> ChatValidator.check(
                body(",\"max_completion_tokens\":4097"), false, 4096, Set.of())).param());
        assertDoesNotThrow(() -> ChatValidator.check(body(",\"max_tokens\":4096,\"n\":128,"
                + "\"seed\":-9223372036854775808"), false, 4096, Set.of()));
    }

    @Test
    void messagesMustBeNonEmptyWithKnownRolesAndContent() {
        assertEquals("messages", assertThrows(ApiException.class, () -> ChatValidator.check(RequestBody.parse(
                "{\"messages\":[]}".getBytes(StandardCharsets.UTF_8)), true)).param());
        assertEquals("messages[0].content", assertThrows(ApiException.class, () -> ChatValidator.check(RequestBody
                .parse("{\"messages\":[{\"role\":\"user\",\"content\":5}]}".getBytes(StandardCharsets.UTF_8)), true))
                .param());
        assertEquals("messages[0].content", assertThrows(ApiException.class, () -> ChatValidator.check(RequestBody
                .parse("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}]}"
                        .getBytes(StandardCharsets.UTF_8)),
                true)).param());
    }

    @Test
    void toolMessagesNeedTheirCallId() {
        assertEquals("messages[1].tool_call_id", assertThrows(ApiException.class, () -> ChatValidator.check(RequestBody
                .parse(("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"tool\","
                        + "\"content\":\"r\"}]}").getBytes(StandardCharsets.UTF_8)),
                true)).param());
    }

    @Test
    void acceptsRealToolSchemasAndTheBuiltinSwitch() {
        assertDoesNotThrow(() -> ChatValidator.check(body(",\"builtin_tools\":false,\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"city\":{\"type\":\"string\"},\"unit\":{\"enum\":[\"c\",\"f\"]},\"days\":{\"type\":"
                + "[\"integer\",\"null\"],\"minimum\":1}},\"required\":[\"city\"],\"additionalProperties\":false}}}]"),
                true));
    }

    @Test
    void jsonModeNeedsTheFeature() {
        assertEquals("response_format", param(",\"response_format\":{\"type\":\"json_object\"}", false));
        assertDoesNotThrow(() -> ChatValidator.check(body(",\"response_format\":{\"type\":\"json_object\"}"), true));
    }

    @Test
    void acceptsAFullValidRequest() {
        assertDoesNotThrow(() -> ChatValidator.check(body(",\"temperature\":0,\"top_p\":1,\"n\":1,\"max_tokens\":5,"
                + "\"stop\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"logprobs\":true,"
                + "\"top_logprobs\":3,\"seed\":4,\"user\":\"u\",\"metadata\":{\"k\":\"v\"},\"store\":false,"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"s\"}},"
                + "\"messages\":[{\"role\":\"developer\",\"content\":\"d\"},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"x\"}]},{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"r\"}]"), true));
    }

    @Test
    void anUnknownFieldIsRefusedAsUnsupportedNamingIt() {
        ApiException refused = assertThrows(ApiException.class, () -> ChatValidator.check(body(",\"top_k\":40"),
                true));
        assertEquals(400, refused.status());
        assertEquals("invalid_request_error", refused.type());
        assertEquals("unsupported_parameter", refused.code());
        assertEquals("top_k", refused.param());
        assertTrue(refused.getMessage().contains("'top_k' is not supported"), refused.getMessage());
    }

    @Test
    void aModelsExtraParamsLetTheirFieldsThroughButNeverARoutingField() {
        assertDoesNotThrow(() -> ChatValidator.check(body(",\"top_k\":40,\"min_p\":0.1"), true, 1024,
                Set.of("top_k", "min_p")));
        assertEquals("min_p", assertThrows(ApiException.class, () -> ChatValidator.check(
                body(",\"top_k\":40,\"min_p\":0.1"), true, 1024, Set.of("top_k"))).param());
        // The config refuses such an extra_params entry; the request check does not rely on that alone.
        assertEquals("provider", assertThrows(ApiException.class, () -> ChatValidator.check(
                body(",\"provider\":{}"), true, 1024, Set.of("provider"))).param());
    }

    @Test
    void everyParameterOfOpenAisSchemaAndNoOtherIsAllowed() throws IOException {
        JsonObject schemas;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(Path.of(
                System.getProperty("openai.openapi", "src/test/resources/openai-openapi/openapi.json"))))) {
            schemas = reader.readObject().getJsonObject("components").getJsonObject("schemas");
        }
        Set<String> names = new TreeSet<>();
        properties(schemas, schemas.getJsonObject("CreateChatCompletionRequest"), names);
        assertTrue(names.containsAll(Set.of("messages", "model", "tools", "max_completion_tokens")), names.toString());
        assertEquals(names, new TreeSet<>(ChatParams.OPENAI));
        for (String name : names) {
            JsonObject request = Json.createObjectBuilder(body("")).add(name, Json.createValue(1)).build();
            try {
                ChatValidator.check(request, true);
            } catch (ApiException e) {
                assertEquals(name, e.param(), "only a type check may refuse " + name + ": " + e.getMessage());
                assertNotEquals("unsupported_parameter", e.code(), name);
            }
        }
    }

    /** Collects a schema's properties, following allOf/anyOf/oneOf and $ref into components. */
    private static void properties(JsonObject schemas, JsonObject schema, Set<String> into) {
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            properties(schemas, schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)), into);
            return;
        }
        if (schema.get("properties") instanceof JsonObject props) {
            into.addAll(props.keySet());
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            if (schema.get(combinator) instanceof JsonArray parts) {
                parts.forEach(part -> properties(schemas, part.asJsonObject(), into));
            }
        }
    }
}
