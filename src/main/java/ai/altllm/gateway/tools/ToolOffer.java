package ai.altllm.gateway.tools;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.config.ToolsConfig;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Set;

/** Decides which built-in tools one chat request is offered. */
final class ToolOffer {

    private ToolOffer() {
    }

    /**
     * The built-in tool definitions to add to a request, or an empty array: none when the request says
     * {@code "builtin_tools": false}, asks for several choices ({@code n > 1}), sets {@code tool_choice} to
     * {@code none} or to one function, when the model lacks the {@code tools} feature, or when the model or the key
     * is opted out in the configuration. A client tool with the name of a built-in one wins over it.
     */
    static JsonArray offer(JsonObject request, ModelConfig model, String keyId, ToolsConfig config,
            JsonArray definitions) {
        JsonValue choice = request.get("tool_choice");
        boolean choiceAllows = choice == null || choice == JsonValue.NULL
                || choice instanceof JsonString s && !"none".equals(s.getString());
        if (request.get(BuiltinTools.REQUEST_FIELD) == JsonValue.FALSE || !choiceAllows
                || request.getInt("n", 1) != 1 || !model.supports("tools")
                || config.disabledModels().contains(model.id()) || config.disabledKeys().contains(keyId)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        Set<String> clientNames = new HashSet<>();
        if (request.get("tools") instanceof JsonArray clientTools) {
            clientTools.forEach(t -> clientNames.add(t.asJsonObject().getJsonObject("function").getString("name")));
        }
        JsonArrayBuilder offered = JSON.createArrayBuilder();
        definitions.forEach(d -> {
            if (!clientNames.contains(d.asJsonObject().getJsonObject("function").getString("name"))) {
                offered.add(d);
            }
        });
        return offered.build();
    }
}
