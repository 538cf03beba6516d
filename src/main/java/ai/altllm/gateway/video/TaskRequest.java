package ai.altllm.gateway.video;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.upstream.VideoRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a create-task body against the model's catalog entry, naming the offending {@code param} in every 400. */
final class TaskRequest {

    static final int MAX_PROMPT_CHARS = 4000;
    private static final Set<String> FIELDS = Set.of("model", "prompt", "duration", "resolution");

    private TaskRequest() {
    }

    /** Far above any valid create body (a 4000-character prompt is at most 16 KB of UTF-8). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Reads at most {@link #MAX_BODY_BYTES}, so an oversized body costs no more memory than that. */
    static JsonObject parse(InputStream in) {
        byte[] body;
        try {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ErrorKind.BAD_REQUEST.error("invalid_json", "The body could not be read.");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw ErrorKind.TOO_LARGE.error("request_too_large", "A task request must be at most " + MAX_BODY_BYTES
                    + " bytes.");
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static JsonObject parse(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw ErrorKind.BAD_REQUEST.error("invalid_json", "The body must be a JSON object.");
        }
    }

    static String modelId(JsonObject body) {
        if (!(body.get("model") instanceof JsonString model) || model.getString().isEmpty()) {
            throw ApiException.invalid("model", "model is required");
        }
        return model.getString();
    }

    /** The request for this video model; duration and resolution default to the first the catalog lists. */
    static VideoRequest check(JsonObject body, ModelConfig model) {
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw ApiException.invalid(field, "Unknown field '" + field + "'; a task takes model, prompt, "
                        + "duration and resolution");
            }
        }
        if (!model.supports("video")) {
            throw ApiException.invalid("model", "'" + model.id() + "' is not a video model; use "
                    + "/v1/chat/completions for it");
        }
        if (!(body.get("prompt") instanceof JsonString prompt) || prompt.getString().isBlank()) {
            throw ApiException.invalid("prompt", "prompt must be a non-empty string");
        }
        if (prompt.getString().length() > MAX_PROMPT_CHARS) {
            throw ApiException.invalid("prompt", "prompt must be at most " + MAX_PROMPT_CHARS + " characters");
        }
        List<Long> durations = allowed(model, "durations", JsonNumber.class).stream()
                .map(v -> ((JsonNumber) v).longValue()).toList();
        List<String> resolutions = allowed(model, "resolutions", JsonString.class).stream()
                .map(v -> ((JsonString) v).getString()).toList();
        int duration = duration(body.get("duration"), durations);
        String resolution = resolution(body.get("resolution"), resolutions);
        return new VideoRequest(model.upstreamModel(), prompt.getString(), duration, resolution);
    }

    private static int duration(JsonValue value, List<Long> allowed) {
        if (value == null || value == JsonValue.NULL) {
            return allowed.get(0).intValue();
        }
        // Compared as decimals: longValue() wraps, so 2^64 + 5 would pass as 5.
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || allowed.stream()
                .noneMatch(a -> BigDecimal.valueOf(a).compareTo(n.bigDecimalValue()) == 0)) {
            throw ApiException.invalid("duration", "duration must be one of " + allowed + " seconds");
        }
        return Math.toIntExact(n.longValueExact());
    }

    private static String resolution(JsonValue value, List<String> allowed) {
        if (value == null || value == JsonValue.NULL) {
            return allowed.get(0);
        }
        if (!(value instanceof JsonString s) || !allowed.contains(s.getString())) {
            throw ApiException.invalid("resolution", "resolution must be one of " + String.join(", ", allowed));
        }
        return s.getString();
    }

    private static List<JsonValue> allowed(ModelConfig model, String field, Class<? extends JsonValue> type) {
        List<JsonValue> values = new ArrayList<>();
        if (model.publicView().get(field) instanceof JsonArray array) {
            array.stream().filter(type::isInstance).forEach(values::add);
        }
        if (values.isEmpty()) {
            throw ErrorKind.UNAVAILABLE.error("model_misconfigured", "model", "The model '"
                    + model.id() + "' lists no " + field + "; the gateway operator must add them to the catalog.");
        }
        return values;
    }

    /** Catalog price per second at this resolution times the duration. */
    static BigDecimal estimate(ModelConfig model, VideoRequest request) {
        JsonObject pricing = model.publicView().getJsonObject("pricing");
        JsonObject perSecond = pricing == null ? null : pricing.getJsonObject("per_second");
        if (perSecond == null || !(perSecond.get(request.resolution()) instanceof JsonString price)) {
            throw ErrorKind.UNAVAILABLE.error("model_misconfigured", "resolution", "The model '"
                    + model.id() + "' has no per-second price for " + request.resolution() + ".");
        }
        return new BigDecimal(price.getString()).multiply(BigDecimal.valueOf(request.durationSeconds()));
    }
}
