package ai.altllm.gateway.chat;

import ai.altllm.gateway.config.ExtraParams;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.tools.BuiltinTools;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * The top-level fields a chat request may carry: OpenAI's Chat Completions parameters, the gateway's own, and the
 * model's {@code extra_params}. Anything else is refused rather than forwarded, so no provider-specific field can
 * change which model answers or who pays.
 */
final class ChatParams {

    /** The properties of {@code CreateChatCompletionRequest} in OpenAI's OpenAPI document. */
    static final Set<String> OPENAI = Set.of("messages", "model", "stream", "stream_options", "max_tokens",
            "max_completion_tokens", "temperature", "top_p", "n", "stop", "presence_penalty", "frequency_penalty",
            "logit_bias", "logprobs", "top_logprobs", "user", "seed", "tools", "tool_choice", "parallel_tool_calls",
            "response_format", "service_tier", "store", "metadata", "reasoning_effort", "modalities", "audio",
            "prediction", "web_search_options", "verbosity", "prompt_cache_key", "prompt_cache_retention",
            "prompt_cache_options", "safety_identifier", "moderation", "functions", "function_call");
    /** Read by the gateway itself and removed before the request goes upstream. */
    static final Set<String> GATEWAY = Set.of(BuiltinTools.REQUEST_FIELD);

    private ChatParams() {
    }

    static void check(JsonObject request, Set<String> extraParams) {
        for (String field : request.keySet()) {
            if (ExtraParams.routing(field)) {
                throw ApiException.invalid(field, "The field '" + field + "' is not accepted: the gateway decides "
                        + "where requests go");
            }
            if (!OPENAI.contains(field) && !GATEWAY.contains(field) && !extraParams.contains(field)) {
                throw ErrorKind.BAD_REQUEST.error("unsupported_parameter", field, "The parameter '"
                        + field + "' is not supported: the gateway accepts OpenAI's Chat Completions parameters and "
                        + "only those extra parameters its operator enabled for this model");
            }
        }
    }
}
