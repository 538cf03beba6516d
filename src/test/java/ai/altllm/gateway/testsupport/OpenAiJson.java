package ai.altllm.gateway.testsupport;

import jakarta.json.Json;

/** Builds the upstream payloads a real OpenAI-compatible provider would send. */
public final class OpenAiJson {

    private OpenAiJson() {
    }

    public static String chatCompletion(String content, int promptTokens, int completionTokens) {
        return completion("chatcmpl-upstream1", Json.createObjectBuilder().add("role", "assistant")
                .add("content", content).add("refusal", jakarta.json.JsonValue.NULL), "stop", promptTokens,
                completionTokens);
    }

    /**
     * A non-streamed answer calling tools: {@code calls} holds id, name and arguments (JSON text) per call, in order.
     */
    public static String toolCalls(int promptTokens, int completionTokens, String... calls) {
        jakarta.json.JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i + 2 < calls.length; i += 3) {
            array.add(Json.createObjectBuilder().add("id", calls[i]).add("type", "function")
                    .add("function", Json.createObjectBuilder().add("name", calls[i + 1])
                            .add("arguments", calls[i + 2])));
        }
        return completion("chatcmpl-upstream-tools", Json.createObjectBuilder().add("role", "assistant")
                .add("content", jakarta.json.JsonValue.NULL).add("tool_calls", array), "tool_calls", promptTokens,
                completionTokens);
    }

    private static String completion(String id, jakarta.json.JsonObjectBuilder message, String finishReason,
            int promptTokens, int completionTokens) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("object", "chat.completion")
                .add("created", 1704067200)
                .add("model", "upstream-model")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0)
                        .add("message", message)
                        .add("logprobs", jakarta.json.JsonValue.NULL)
                        .add("finish_reason", finishReason)))
                .add("usage", usage(promptTokens, completionTokens))
                .build().toString();
    }

    /** One streamed {@code chat.completion.chunk} carrying a content delta. */
    public static String contentChunk(String content) {
        return deltaChunk(Json.createObjectBuilder().add("content", content), null);
    }

    /** A streamed chunk with the given delta and finish reason (null while the answer goes on). */
    public static String deltaChunk(jakarta.json.JsonObjectBuilder delta, String finishReason) {
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-upstream1")
                .add("object", "chat.completion.chunk")
                .add("created", 1704067200)
                .add("model", "upstream-model")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0)
                        .add("delta", delta)
                        .add("finish_reason", finishReason == null ? jakarta.json.JsonValue.NULL
                                : Json.createValue(finishReason))))
                .build().toString();
    }

    /** The first chunk of a stream: the assistant role and no content yet. */
    public static String roleChunk() {
        return deltaChunk(Json.createObjectBuilder().add("role", "assistant").add("content", ""), null);
    }

    public static String finishChunk(String reason) {
        return deltaChunk(Json.createObjectBuilder(), reason);
    }

    /** A tool-call delta: the first one for an index carries id, type and name, later ones only arguments. */
    public static String toolCallChunk(int index, String id, String name, String arguments) {
        jakarta.json.JsonObjectBuilder function = Json.createObjectBuilder().add("arguments", arguments);
        jakarta.json.JsonObjectBuilder call = Json.createObjectBuilder().add("index", index);
        if (id != null) {
            call.add("id", id).add("type", "function");
            function.add("name", name);
        }
        return deltaChunk(Json.createObjectBuilder().add("tool_calls", Json.createArrayBuilder()
                .add(call.add("function", function))), null);
    }

    /** The final usage chunk OpenAI sends when {@code stream_options.include_usage} is set: no choices. */
    public static String usageChunk(int promptTokens, int completionTokens) {
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-upstream1")
                .add("object", "chat.completion.chunk")
                .add("created", 1704067200)
                .add("model", "upstream-model")
                .add("choices", Json.createArrayBuilder())
                .add("usage", usage(promptTokens, completionTokens))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder usage(int prompt, int completion) {
        return Json.createObjectBuilder().add("prompt_tokens", prompt).add("completion_tokens", completion)
                .add("total_tokens", prompt + completion);
    }
}
