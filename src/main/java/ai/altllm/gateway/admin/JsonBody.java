package ai.altllm.gateway.admin;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed reads from a JSON request body; every failure is a 400 naming the exact {@code param}. */
final class JsonBody {

    private final String path;
    private final JsonObject object;

    private JsonBody(String path, JsonObject object) {
        this.path = path;
        this.object = object;
    }

    static JsonBody parse(String text, Set<String> known) {
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(text == null ? "" : text))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw ErrorKind.BAD_REQUEST.error("invalid_json",
                    "The request body is not valid JSON; send a JSON object.");
        }
        if (!(value instanceof JsonObject object)) {
            throw ErrorKind.BAD_REQUEST.error("invalid_json", "The request body must be a JSON object.");
        }
        return new JsonBody("", object).onlyKnown(known);
    }

    ApiException invalid(String field, String problem) {
        return ApiException.invalid(at(field), "'" + at(field) + "' " + problem);
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private JsonBody onlyKnown(Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw invalid(key, "is not a known field (known: " + String.join(", ", known.stream().sorted()
                        .toList()) + ")");
            }
        }
        return this;
    }

    boolean has(String field) {
        return object.containsKey(field) && object.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    JsonValue raw(String field) {
        return object.get(field);
    }

    /** A required, non-blank string of at most {@code max} characters. */
    String name(String field, int max) {
        if (!has(field)) {
            throw invalid(field, "is required");
        }
        String value = string(field, null).trim();
        if (value.isEmpty() || value.length() > max) {
            throw invalid(field, "must be 1 to " + max + " characters");
        }
        return value;
    }

    String string(String field, String fallback) {
        if (!has(field)) {
            return fallback;
        }
        if (!(object.get(field) instanceof JsonString s)) {
            throw invalid(field, "must be a string");
        }
        return s.getString();
    }

    /** {@code null} when absent or null, else a whole number from 1 to {@code max}. */
    Long positive(String field, long max) {
        if (!has(field)) {
            return null;
        }
        if (!(object.get(field) instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().signum() <= 0
                || n.bigIntegerValue().bitLength() > 62 || n.longValue() > max) {
            throw invalid(field, "must be a whole number from 1 to " + max + ", or null for no limit");
        }
        return n.longValue();
    }

    /**
     * {@code null} when absent or null, else a decimal (string preferred, or number) that fits a NUMERIC(24, 10)
     * column; anything else is a 400 saying {@code problem}.
     */
    BigDecimal decimal(String field, String problem) {
        if (!has(field)) {
            return null;
        }
        JsonValue value = object.get(field);
        try {
            BigDecimal decimal = value instanceof JsonNumber n ? n.bigDecimalValue()
                    : value instanceof JsonString s ? new BigDecimal(s.getString()) : null;
            if (decimal != null && decimal.precision() - decimal.scale() <= 14 && decimal.scale() <= 10) {
                return decimal;
            }
        } catch (NumberFormatException e) {
            // reported below, like every other unusable value
        }
        throw invalid(field, problem);
    }

    /** {@code null} when absent or null, else a non-empty array of strings. */
    List<String> strings(String field) {
        if (!has(field)) {
            return null;
        }
        if (!(object.get(field) instanceof JsonArray array) || array.isEmpty()) {
            throw invalid(field, "must be a non-empty array of strings, or null for all");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString s)) {
                throw invalid(field + "[" + i + "]", "must be a string");
            }
            values.add(s.getString());
        }
        return values;
    }

    /** {@code null} when absent or null, else the nested object with its own known fields. */
    JsonBody object(String field, Set<String> known) {
        if (!has(field)) {
            return null;
        }
        if (!(object.get(field) instanceof JsonObject child)) {
            throw invalid(field, "must be an object");
        }
        return new JsonBody(at(field), child).onlyKnown(known);
    }
}
