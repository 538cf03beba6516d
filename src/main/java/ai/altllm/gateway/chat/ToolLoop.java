package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

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
import java.util.concurrent.Executor;
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

    /** The answer's field listing the built-in rounds, for clients that asked to see them. */
    static final String SHOWN_FIELD = "builtin_tool_rounds";

    private final Predicate<String> builtin;
    private final BiFunction<String, String, CompletionStage<String>> runner;
    private final int maxRounds;
    private final Executor continuations;
    private final StringBuilder earlierContent = new StringBuilder();
    /** Null unless the client asked to see the built-in rounds ({@code "builtin_tools": "show"}). */
    private final List<JsonObject> shown;
    private int round = 1;

    ToolLoop(BuiltinTools tools, int maxRounds, boolean show) {
        this(tools::has, tools::run, maxRounds, show, tools.continuations());
    }

    /** @param runner runs a built-in tool by name on its arguments text; its stage never fails */
    ToolLoop(Predicate<String> builtin, BiFunction<String, String, CompletionStage<String>> runner, int maxRounds,
            boolean show, Executor continuations) {
        this.continuations = continuations;
        this.builtin = builtin;
        this.runner = runner;
        this.maxRounds = maxRounds;
        this.shown = show ? new ArrayList<>() : null;
    }

    /** Tool definitions appended to the client's {@code tools}, with the client's own first. */
    static JsonArray withBuiltins(JsonObject request, JsonArray offered) {
        JsonArrayBuilder all = request.get("tools") instanceof JsonArray client ? JSON.createArrayBuilder(client)
                : JSON.createArrayBuilder();
        offered.forEach(all::add);
        return all.build();
    }

    /** Where the next round is started once this one's tools are done. */
    Executor continuations() {
        return continuations;
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
        JsonArrayBuilder callsBuilder = JSON.createArrayBuilder();
        List<String> ids = new ArrayList<>();
        for (JsonObject call : turn.builtin()) {
            JsonObject function = call.getJsonObject("function");
            String id = call.get("id") instanceof JsonString s && !s.getString().isEmpty() ? s.getString()
                    : "call_builtin_" + round + "_" + ids.size();
            ids.add(id);
            callsBuilder.add(JSON.createObjectBuilder(call).add("id", id).add("type", "function"));
            results.add(runner.apply(function.getString("name"), function.getString("arguments", "{}"))
                    .toCompletableFuture());
        }
        JsonArray calls = callsBuilder.build();
        earlierContent.append(turn.content());
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(done -> {
            JsonArrayBuilder messages = JSON.createArrayBuilder(request.getJsonArray("messages"))
                    .add(JSON.createObjectBuilder().add("role", "assistant")
                            .add("content",
                                    turn.content().isEmpty() ? JsonValue.NULL : JSON.createValue(turn.content()))
                            .add("tool_calls", calls));
            List<JsonObject> toolMessages = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                JsonObject message = JSON.createObjectBuilder().add("role", "tool").add("tool_call_id", ids.get(i))
                        .add("content", results.get(i).join()).build();
                messages.add(message);
                toolMessages.add(message);
            }
            if (shown != null) {
                shown.add(JSON.createObjectBuilder().add("round", round).add("tool_calls", calls)
                        .add("results", JSON.createArrayBuilder(toolMessages)).build());
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

    /** The built-in calls and results of every round, or null when the client did not ask to see them. */
    JsonArray shownRounds() {
        return shown == null ? null : JSON.createArrayBuilder(shown).build();
    }

    /** Text the model wrote in earlier rounds, put before the last round's text in a non-streamed answer. */
    String earlierContent() {
        return earlierContent.toString();
    }
}
