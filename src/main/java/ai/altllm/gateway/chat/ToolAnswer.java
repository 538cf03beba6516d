package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Reads a non-streamed round's tool calls, and shapes the final answer of a request that ran built-in tools. */
final class ToolAnswer {

    private ToolAnswer() {
    }

    static ToolLoop.Turn turn(ToolLoop loop, JsonObject completion) {
        JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
        JsonObject message = choice.get("message") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        List<JsonObject> calls = new ArrayList<>();
        if (message.get("tool_calls") instanceof JsonArray array) {
            array.forEach(call -> {
                if (call instanceof JsonObject object) {
                    calls.add(object);
                }
            });
        }
        String content = message.get("content") instanceof JsonString s ? s.getString() : "";
        String finish = choice.get("finish_reason") instanceof JsonString s ? s.getString() : null;
        return loop.turn(calls, content, finish);
    }

    /**
     * The last round's completion as the client sees it: only its own tool calls, the text of every round, the usage
     * of every round and a finish reason that says why it ended.
     */
    static JsonObject finish(ToolLoop loop, JsonObject completion, ToolLoop.Turn turn, JsonObject usage) {
        JsonArray choices = completion.getJsonArray("choices");
        JsonObject choice = choices.getJsonObject(0);
        JsonObject message = choice.get("message") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder rebuilt = JSON.createObjectBuilder(message);
        String text = loop.earlierContent() + turn.content();
        if (!text.isEmpty()) {
            rebuilt.add("content", text);
        }
        if (turn.custom().isEmpty()) {
            rebuilt.remove("tool_calls");
        } else {
            JsonArrayBuilder custom = JSON.createArrayBuilder();
            turn.custom().forEach(custom::add);
            rebuilt.add("tool_calls", custom);
        }
        JsonObject newChoice = JSON.createObjectBuilder(choice).add("message", rebuilt)
                .add("finish_reason", ToolLoop.finishReason(turn)).build();
        JsonObjectBuilder answer = JSON.createObjectBuilder(completion)
                .add("choices", JSON.createArrayBuilder(choices).set(0, newChoice)).add("usage", usage);
        JsonArray shown = loop.shownRounds();
        if (shown != null) {
            answer.add(ToolLoop.SHOWN_FIELD, shown);
        }
        return answer.build();
    }
}
