package ai.altllm.gateway.chat;

import ai.altllm.gateway.errors.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a chat request the way OpenAI does, naming the offending {@code param} in every 400. */
final class ChatValidator {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool", "developer");
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /** The most output tokens a request may ask for when the catalog gives the model no max_output_length. */
    static final long OUTPUT_CEILING = 1L << 20;
    /** The most choices ({@code n}) a request may ask for, as OpenAI. */
    static final long MAX_CHOICES = 128;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ChatValidator() {
    }

    /** As {@link #check(JsonObject, boolean, long, Set)} with the {@link #OUTPUT_CEILING} and no extra params. */
    static void check(JsonObject request, boolean jsonMode) {
        check(request, jsonMode, OUTPUT_CEILING, Set.of());
    }

    /**
     * Validates everything but the model's own existence; {@code jsonMode} says whether the model supports it,
     * {@code maxOutput} is the most {@code max_tokens} or {@code max_completion_tokens} may be, {@code extraParams}
     * are the fields beyond OpenAI's that the model accepts.
     */
    static void check(JsonObject request, boolean jsonMode, long maxOutput, Set<String> extraParams) {
        ChatParams.check(request, extraParams);
        messages(request.get("messages"));
        range(request, "temperature", 0, 2);
        range(request, "top_p", 0, 1);
        range(request, "presence_penalty", -2, 2);
        range(request, "frequency_penalty", -2, 2);
        // Every integer has an upper bound: the reservation multiplies them, and a long would wrap.
        whole(request, "n", 1, MAX_CHOICES);
        whole(request, "max_tokens", 1, maxOutput);
        whole(request, "max_completion_tokens", 1, maxOutput);
        if (present(request, "seed")) {
            BigDecimal seed = number(request, "seed");
            integer(request, "seed");
            if (seed.compareTo(LONG_MIN) < 0 || seed.compareTo(LONG_MAX) > 0) {
                throw ApiException.invalid("seed", "seed must be a signed 64-bit integer");
            }
        }
        stop(request.get("stop"));
        bool(request, "stream");
        bool(request, "logprobs");
        JsonValue builtins = request.get("builtin_tools");
        if (builtins != null && builtins != JsonValue.TRUE && builtins != JsonValue.FALSE
                && !(builtins instanceof JsonString s && "show".equals(s.getString()))) {
            throw ApiException.invalid("builtin_tools", "builtin_tools must be true, false or \"show\"");
        }
        if (present(request, "top_logprobs")) {
            range(request, "top_logprobs", 0, 20);
            integer(request, "top_logprobs");
        }
        if (present(request, "stream_options") && !(request.get("stream_options") instanceof JsonObject)) {
            throw ApiException.invalid("stream_options", "stream_options must be an object");
        }
        Set<String> tools = tools(request.get("tools"));
        toolChoice(request.get("tool_choice"), tools);
        responseFormat(request.get("response_format"), jsonMode);
    }

    private static void messages(JsonValue value) {
        if (!(value instanceof JsonArray messages) || messages.isEmpty()) {
            throw ApiException.invalid("messages", "messages must be a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
            String at = "messages[" + i + "]";
            if (!(messages.get(i) instanceof JsonObject message)) {
                throw ApiException.invalid(at, at + " must be an object");
            }
            if (!(message.get("role") instanceof JsonString role) || !ROLES.contains(role.getString())) {
                throw ApiException.invalid(at + ".role", at + ".role must be one of system, user, assistant, tool, "
                        + "developer");
            }
            if ("tool".equals(role.getString()) && !(message.get("tool_call_id") instanceof JsonString id
                    && !id.getString().isEmpty())) {
                throw ApiException.invalid(at + ".tool_call_id", "a tool message needs the tool_call_id of the call "
                        + "it answers");
            }
            JsonValue content = message.get("content");
            boolean assistantWithoutContent = "assistant".equals(role.getString())
                    && (content == null || content == JsonValue.NULL);
            if (!assistantWithoutContent && !(content instanceof JsonString) && !contentParts(content)) {
                throw ApiException.invalid(at + ".content", at + ".content must be a string or an array of content "
                        + "parts");
            }
        }
    }

    private static boolean contentParts(JsonValue content) {
        if (!(content instanceof JsonArray parts)) {
            return false;
        }
        for (JsonValue part : parts) {
            if (!(part instanceof JsonObject object) || !(object.get("type") instanceof JsonString)) {
                return false;
            }
        }
        return true;
    }

    private static boolean present(JsonObject request, String field) {
        return request.containsKey(field) && request.get(field) != JsonValue.NULL;
    }

    private static BigDecimal number(JsonObject request, String field) {
        if (!(request.get(field) instanceof JsonNumber n)) {
            throw ApiException.invalid(field, field + " must be a number");
        }
        try {
            return n.bigDecimalValue();
        } catch (UnsupportedOperationException | ArithmeticException e) {
            // Parsson refuses numbers past jakarta.json.bigDecimalLengthLimit (1,100 characters) only when read.
            throw ApiException.invalid(field, field + " is too long a number");
        }
    }

    private static void range(JsonObject request, String field, int min, int max) {
        if (present(request, field)) {
            BigDecimal value = number(request, field);
            if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw ApiException.invalid(field, field + " must be between " + min + " and " + max);
            }
        }
    }

    private static void integer(JsonObject request, String field) {
        if (!((JsonNumber) request.get(field)).isIntegral()) {
            throw ApiException.invalid(field, field + " must be a whole number");
        }
    }

    private static void whole(JsonObject request, String field, long min, long max) {
        if (present(request, field)) {
            BigDecimal value = number(request, field);
            if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
                throw ApiException.invalid(field, field + " must be at least " + min);
            }
            if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw ApiException.invalid(field, field + " must be at most " + max);
            }
            integer(request, field);
        }
    }

    private static void bool(JsonObject request, String field) {
        JsonValue value = request.get(field);
        if (value != null && value != JsonValue.NULL && value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw ApiException.invalid(field, field + " must be a boolean");
        }
    }

    private static void stop(JsonValue stop) {
        if (stop == null || stop == JsonValue.NULL || stop instanceof JsonString) {
            return;
        }
        if (!(stop instanceof JsonArray list) || list.size() > 4
                || !list.stream().allMatch(JsonString.class::isInstance)) {
            throw ApiException.invalid("stop", "stop must be a string or an array of at most 4 strings");
        }
    }

    private static Set<String> tools(JsonValue value) {
        Set<String> names = new HashSet<>();
        if (value == null || value == JsonValue.NULL) {
            return names;
        }
        if (!(value instanceof JsonArray tools)) {
            throw ApiException.invalid("tools", "tools must be an array");
        }
        for (int i = 0; i < tools.size(); i++) {
            String at = "tools[" + i + "]";
            if (!(tools.get(i) instanceof JsonObject tool) || !"function".equals(tool.getString("type", null))
                    || !(tool.get("function") instanceof JsonObject function)) {
                throw ApiException.invalid(at, at + " must be {\"type\":\"function\",\"function\":{...}}");
            }
            String name = function.getString("name", "");
            if (!TOOL_NAME.matcher(name).matches()) {
                throw ApiException.invalid(at + ".function.name", "tool names use a-z, A-Z, 0-9, _ and -, 1 to 64");
            }
            if (!names.add(name)) {
                throw ApiException.invalid(at + ".function.name", "duplicate tool name '" + name + "'");
            }
            JsonValue parameters = function.get("parameters");
            if (parameters != null && !(parameters instanceof JsonObject)) {
                throw ApiException.invalid(at + ".function.parameters", "parameters must be a JSON Schema object");
            }
            String problem = parameters == null ? null : ToolSchemas.problem((JsonObject) parameters);
            if (problem != null) {
                throw ApiException.invalid(at + ".function.parameters", "parameters is not a valid JSON Schema: "
                        + problem);
            }
        }
        return names;
    }

    private static void toolChoice(JsonValue choice, Set<String> tools) {
        if (choice == null || choice == JsonValue.NULL) {
            return;
        }
        if (choice instanceof JsonString s && Set.of("none", "auto", "required").contains(s.getString())) {
            if (!"none".equals(s.getString()) && tools.isEmpty() && "required".equals(s.getString())) {
                throw ApiException.invalid("tool_choice", "tool_choice 'required' needs tools");
            }
            return;
        }
        if (choice instanceof JsonObject object && "function".equals(object.getString("type", null))
                && object.get("function") instanceof JsonObject function) {
            String name = function.getString("name", "");
            if (!tools.contains(name)) {
                throw ApiException.invalid("tool_choice", "tool_choice names '" + name + "', which is not in tools");
            }
            return;
        }
        throw ApiException.invalid("tool_choice", "tool_choice must be none, auto, required or "
                + "{\"type\":\"function\",\"function\":{\"name\":...}}");
    }

    private static void responseFormat(JsonValue value, boolean jsonMode) {
        if (value == null || value == JsonValue.NULL) {
            return;
        }
        String type = value instanceof JsonObject format ? format.getString("type", "") : "";
        switch (type) {
            case "text" -> {
            }
            case "json_object", "json_schema" -> {
                if (!jsonMode) {
                    throw ApiException.invalid("response_format", "This model does not support response_format "
                            + type);
                }
                if ("json_schema".equals(type) && !(((JsonObject) value).get("json_schema") instanceof JsonObject)) {
                    throw ApiException.invalid("response_format", "response_format json_schema needs a json_schema "
                            + "object");
                }
            }
            default -> throw ApiException.invalid("response_format", "response_format.type must be text, "
                    + "json_object or json_schema");
        }
    }
}
