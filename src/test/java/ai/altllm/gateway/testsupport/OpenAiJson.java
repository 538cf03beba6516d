package ai.altllm.gateway.testsupport;

import jakarta.json.Json;

/** Builds the upstream payloads a real OpenAI-compatible provider would send. */
public final class OpenAiJson {

    private OpenAiJson() {
    }

    public static String chatCompletion(String content, int promptTokens, int completionTokens) {
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-upstream1")
                .add("object", "chat.completion")
                .add("created", 1704067200)
                .add("model", "upstream-model")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content)
                                .add("refusal", jakarta.json.JsonValue.NULL))
                        .add("logprobs", jakarta.json.JsonValue.NULL)
                        .add("finish_reason", "stop")))
                .add("usage", usage(promptTokens, completionTokens))
                .build().toString();
    }

    /** One streamed {@code chat.completion.chunk} carrying a content delta. */
    public static String contentChunk(String content) {
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-upstream1")
                .add("object", "chat.completion.chunk")
                .add("created", 1704067200)
                .add("model", "upstream-model")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0)
                        .add("delta", Json.createObjectBuilder().add("content", content))
                        .add("finish_reason", jakarta.json.JsonValue.NULL)))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder usage(int prompt, int completion) {
        return Json.createObjectBuilder().add("prompt_tokens", prompt).add("completion_tokens", completion)
                .add("total_tokens", prompt + completion);
    }
}
