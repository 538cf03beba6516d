package ai.altllm.gateway.chat;

import static ai.altllm.gateway.Jsonp.JSON;

import ai.altllm.gateway.tools.BuiltinTools;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The built-in tool rounds of one chat request: which calls the gateway runs itself, how the next round's request is
 * built from their results, and how the final answer hides them. Rounds never overlap, so no locking is needed.
 */
final class ToolLoop {

    /** What one round of the model asked for: tool calls split by who runs them, and its text. */
    record Turn(List<JsonObject> builtin, List<JsonObject> custom, String content, String finishReason) {
    }

    private final Predicate<String> builtin;
    private final BiFunction<String, String, CompletionStage<String>> runner;
    private final int maxRounds;
    private final StringBuilder earlierContent = new StringBuilder();
    private int round = 1;

    ToolLoop(BuiltinTools tools, int maxRounds) {
        this(tools::has, tools::run, maxRounds);
    }

    /** @param runner runs a built-in tool by name on its arguments text; its stage never fails */
    ToolLoop(Predicate<String> builtin, BiFunction<String, String, CompletionStage<String>> runner, int maxRounds) {
        this.builtin = builtin;
        this.runner = runner;
        this.maxRounds = maxRounds;
    }

    /** Tool definitions appended to the client's {@code tools}, with the client's own first. */
    static JsonArray withBuiltins(JsonObject request, JsonArray offered) {
        JsonArrayBuilder all = request.get("tools") instanceof JsonArray client ? JSON.createArrayBuilder(client)
                : JSON.createArrayBuilder();
        offered.forEach(all::add);
        return all.build();
    }

    boolean isBuiltin(String name) {
        return name != null && builtin.test(name);
    }

    int round() {
        return round;
    }

    /** Splits complete tool calls ({@code {id,type,function:{name,arguments}}}) by who runs them. */
    Turn turn(List<JsonObject> calls, String content, String finishReason) {
        List<JsonObject> builtin = new ArrayList<>();
        List<JsonObject> custom = new ArrayList<>();
        for (JsonObject call : calls) {
            JsonObject function = call.getJsonObject("function");
            (function != null && isBuiltin(function.getString("name", null)) ? builtin : custom).add(call);
        }
        return new Turn(builtin, custom, content == null ? "" : content, finishReason);
    }

    /** True when the gateway should run the turn's calls and ask the model again. */
    boolean continues(Turn turn) {
        return !turn.builtin().isEmpty() && turn.custom().isEmpty() && round < maxRounds;
    }

    /**
     * Runs the turn's built-in calls in parallel and completes with the next round's request: the assistant's calls
     * and one {@code tool} message per call appended; on the last allowed round with {@code tool_choice: "none"},
     * so the model must answer from what it has. Never completes exceptionally.
     */
    CompletionStage<JsonObject> nextRequest(JsonObject request, Turn turn) {
        List<CompletableFuture<String>> results = new ArrayList<>();
        JsonArrayBuilder calls = JSON.createArrayBuilder();
        List<String> ids = new ArrayList<>();
        for (JsonObject call : turn.builtin()) {
            JsonObject function = call.getJsonObject("function");
            String id = call.get("id") instanceof JsonString s && !s.getString().isEmpty() ? s.getString()
                    : "call_builtin_" + round + "_" + ids.size();
            ids.add(id);
            calls.add(JSON.createObjectBuilder(call).add("id", id).add("type", "function"));
            results.add(runner.apply(function.getString("name"), function.getString("arguments", "{}"))
                    .toCompletableFuture());
        }
        earlierContent.append(turn.content());
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(done -> {
            JsonArrayBuilder messages = JSON.createArrayBuilder(request.getJsonArray("messages"))
                    .add(JSON.createObjectBuilder().add("role", "assistant")
                            .add("content", turn.content().isEmpty() ? JsonValue.NULL : JSON.createValue(turn.content()))
                            .add("tool_calls", calls));
            for (int i = 0; i < ids.size(); i++) {
                messages.add(JSON.createObjectBuilder().add("role", "tool").add("tool_call_id", ids.get(i))
                        .add("content", results.get(i).join()));
            }
            round++;
            var next = JSON.createObjectBuilder(request).add("messages", messages);
            if (round >= maxRounds) {
                next.add("tool_choice", "none");
            }
            return next.build();
        });
    }

    /** The finish reason the client sees for the last turn: its own calls, a round limit, or the model's. */
    static String finishReason(Turn turn) {
        if (!turn.custom().isEmpty()) {
            return "tool_calls";
        }
        if (!turn.builtin().isEmpty()) {
            return "length";
        }
        return turn.finishReason() == null ? "stop" : turn.finishReason();
    }

    /** Text the model wrote in earlier rounds, put before the last round's text in a non-streamed answer. */
    String earlierContent() {
        return earlierContent.toString();
    }
}
