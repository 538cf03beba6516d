package ai.altllm.gateway.chat;

import ai.altllm.gateway.config.ModelConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/** How much output a chat request may ask for, and how much admission must assume it will get. */
final class ChatLimits {

    private ChatLimits() {
    }

    /**
     * The most output the request can produce: {@code max_completion_tokens} or {@code max_tokens}, else the model's
     * {@code max_output_length}, else the configured default; times {@code n}.
     */
    static long maxOutput(JsonObject body, ModelConfig model, long fallback) {
        long perChoice = body.get("max_completion_tokens") instanceof JsonNumber n ? n.longValueExact()
                : body.get("max_tokens") instanceof JsonNumber m ? m.longValueExact()
                : model.publicView().get("max_output_length") instanceof JsonNumber l && l.longValue() > 0
                        ? l.longValue()
                : fallback;
        long choices = body.get("n") instanceof JsonNumber n ? Math.max(1, n.longValueExact()) : 1;
        return Math.multiplyExact(Math.min(perChoice, 1L << 32), Math.min(choices, 1024));
    }

    /** The most {@code max_tokens} may be: the catalog's {@code max_output_length}, else the gateway's ceiling. */
    static long output(ModelConfig model) {
        return model.publicView().get("max_output_length") instanceof JsonNumber l && l.longValue() > 0
                ? l.longValue() : ChatValidator.OUTPUT_CEILING;
    }
}
