package ai.altllm.gateway.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.config.ToolsConfig;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ToolOfferTest {

    private static final JsonArray DEFINITIONS = Json.createArrayBuilder()
            .add(tool("crypto_price")).add(tool("crypto_search")).build();
    private static final ModelConfig TOOLS_MODEL = model("m-tools", Set.of("tools"));
    private static final ToolsConfig CONFIG = new ToolsConfig(4, Set.of("m-off"), Set.of("key_off"), Optional.empty());

    private static JsonObject tool(String name) {
        return Json.createObjectBuilder().add("type", "function").add("function", Json.createObjectBuilder()
                .add("name", name).add("parameters", Json.createObjectBuilder())).build();
    }

    private static ModelConfig model(String id, Set<String> features) {
        return new ModelConfig(id, "p", "u", features, Json.createObjectBuilder().build());
    }

    private static List<String> offered(String requestFields, ModelConfig model, String keyId) {
        JsonObject request = Json.createReader(new StringReader("{\"messages\":[]" + requestFields + "}")).readObject();
        return ToolOffer.offer(request, model, keyId, CONFIG, DEFINITIONS).stream()
                .map(t -> t.asJsonObject().getJsonObject("function").getString("name")).collect(Collectors.toList());
    }

    @Test
    void offeredByDefaultAndWithAutoOrRequired() {
        List<String> all = List.of("crypto_price", "crypto_search");
        assertEquals(all, offered("", TOOLS_MODEL, "key_1"));
        assertEquals(all, offered(",\"tool_choice\":\"auto\"", TOOLS_MODEL, "key_1"));
        assertEquals(all, offered(",\"tool_choice\":\"required\",\"n\":1,\"builtin_tools\":true", TOOLS_MODEL,
                "key_1"));
    }

    @Test
    void eachOptOutRemovesThem() {
        assertEquals(List.of(), offered(",\"builtin_tools\":false", TOOLS_MODEL, "key_1"), "request");
        assertEquals(List.of(), offered("", TOOLS_MODEL, "key_off"), "key in tools.disabled_keys");
        assertEquals(List.of(), offered("", model("m-off", Set.of("tools")), "key_1"), "tools.disabled_models");
        assertEquals(List.of(), offered("", model("m-plain", Set.of("streaming")), "key_1"), "no tools feature");
        assertEquals(List.of(), offered(",\"tool_choice\":\"none\"", TOOLS_MODEL, "key_1"));
        assertEquals(List.of(), offered(",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}}",
                TOOLS_MODEL, "key_1"), "a forced function leaves no room for built-in calls");
        assertEquals(List.of(), offered(",\"n\":2", TOOLS_MODEL, "key_1"));
    }

    @Test
    void aClientToolOfTheSameNameWins() {
        assertEquals(List.of("crypto_search"), offered(",\"tools\":[" + tool("crypto_price") + "]", TOOLS_MODEL,
                "key_1"));
    }
}
