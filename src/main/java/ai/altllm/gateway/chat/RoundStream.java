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
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the chunks of several model rounds into one stream for the client: one id, one role delta, text and the
 * client's own tool calls as they arrive (re-indexed from 0), built-in calls held back for the gateway, and a single
 * finish chunk once the last round has ended.
 */
final class RoundStream {

    /** One tool call being assembled from its deltas. */
    private static final class Call {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
        boolean builtin;
        int clientIndex;
    }

    private final ToolLoop loop;
    private String id;
    private JsonValue created = JSON.createValue(0);
    private boolean roleSent;
    private int customCount;
    private final Map<Integer, Call> calls = new TreeMap<>();
    private final StringBuilder content = new StringBuilder();
    private String finishReason;

    RoundStream(ToolLoop loop) {
        this.loop = loop;
    }

    /** The client chunk for an upstream chunk (model still the upstream's), or null when nothing is to be shown. */
    String relay(JsonObject chunk) {
        if (id == null) {
            id = chunk.getString("id", "chatcmpl-altllm");
            created = chunk.getOrDefault("created", created);
        }
        if (!(chunk.get("choices") instanceof JsonArray choices) || choices.isEmpty()
                || !(choices.get(0) instanceof JsonObject choice)) {
            return null;
        }
        if (choice.get("finish_reason") instanceof JsonString reason) {
            finishReason = reason.getString();
        }
        JsonObject delta = choice.get("delta") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder out = JSON.createObjectBuilder();
        boolean visible = false;
        if (delta.get("content") instanceof JsonString text && !text.getString().isEmpty()) {
            content.append(text.getString());
            out.add("content", text);
            visible = true;
        }
        if (delta.get("refusal") instanceof JsonString refusal) {
            out.add("refusal", refusal);
            visible = true;
        }
        if (delta.get("tool_calls") instanceof JsonArray deltas) {
            JsonArrayBuilder forwarded = JSON.createArrayBuilder();
            boolean any = false;
            for (JsonValue value : deltas) {
                if (value instanceof JsonObject part && !absorb(part)) {
                    forwarded.add(JSON.createObjectBuilder(part).add("index",
                            calls.get(part.getInt("index", 0)).clientIndex));
                    any = true;
                }
            }
            if (any) {
                out.add("tool_calls", forwarded);
                visible = true;
            }
        }
        boolean roleHere = delta.containsKey("role") && !roleSent;
        if (!visible && !roleHere) {
            return null;
        }
        if (!roleSent) {
            roleSent = true;
            out.add("role", "assistant");
            if (!visible) {
                out.add("content", "");
            }
        }
        return chunk(JSON.createObjectBuilder().add("index", 0).add("delta", out).add("finish_reason", JsonValue.NULL))
                .build().toString();
    }

    /** Adds one tool-call delta to its call; true when the call is a built-in one, kept from the client. */
    private boolean absorb(JsonObject part) {
        int index = part.getInt("index", 0);
        JsonObject function = part.get("function") instanceof JsonObject f ? f : JsonValue.EMPTY_JSON_OBJECT;
        Call call = calls.get(index);
        if (call == null) {
            call = new Call();
            call.name = function.getString("name", null);
            call.builtin = loop.isBuiltin(call.name);
            call.clientIndex = call.builtin ? -1 : customCount++;
            calls.put(index, call);
        }
        if (part.get("id") instanceof JsonString callId) {
            call.id = callId.getString();
        }
        if (function.get("arguments") instanceof JsonString arguments) {
            call.arguments.append(arguments.getString());
        }
        return call.builtin;
    }

    /** Ends the current round: what it asked for. The next round starts empty, except for the stream's identity. */
    ToolLoop.Turn endRound() {
        List<JsonObject> complete = new ArrayList<>();
        for (Call call : calls.values()) {
            JsonObjectBuilder object = JSON.createObjectBuilder().add("type", "function");
            if (call.id != null) {
                object.add("id", call.id);
            }
            complete.add(object.add("function", JSON.createObjectBuilder()
                    .add("name", call.name == null ? "" : call.name).add("arguments", call.arguments.toString()))
                    .build());
        }
        ToolLoop.Turn turn = loop.turn(complete, content.toString(), finishReason);
        calls.clear();
        content.setLength(0);
        finishReason = null;
        return turn;
    }

    /** The closing frames: the finish chunk and, if asked for, the usage of every round. */
    List<String> finish(ToolLoop.Turn turn, JsonObject usage) {
        List<String> frames = new ArrayList<>();
        JsonObjectBuilder delta = JSON.createObjectBuilder();
        if (!roleSent) {
            roleSent = true;
            delta.add("role", "assistant").add("content", "");
        }
        JsonObjectBuilder last = chunk(JSON.createObjectBuilder().add("index", 0).add("delta", delta)
                .add("finish_reason", ToolLoop.finishReason(turn)));
        JsonArray shown = loop.shownRounds();
        if (shown != null) {
            last.add(ToolLoop.SHOWN_FIELD, shown);
        }
        frames.add(last.build().toString());
        if (usage != null) {
            frames.add(JSON.createObjectBuilder(chunkHead()).add("choices", JsonValue.EMPTY_JSON_ARRAY)
                    .add("usage", usage).build().toString());
        }
        return frames;
    }

    private JsonObjectBuilder chunk(JsonObjectBuilder choice) {
        return JSON.createObjectBuilder(chunkHead()).add("choices", JSON.createArrayBuilder().add(choice));
    }

    /** The fields every chunk of the stream shares; the model is the upstream's until the relay renames it. */
    private JsonObject chunkHead() {
        return JSON.createObjectBuilder().add("id", id == null ? "chatcmpl-altllm" : id)
                .add("object", "chat.completion.chunk").add("created", created).add("model", "upstream").build();
    }
}
