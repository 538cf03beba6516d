package ai.altllm.gateway.config;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed reads from one JSON object of the config file, each failure naming the exact field. */
final class Fields {

    private final String source;
    private final String path;
    private final JsonObject object;
    private final Interpolation interpolation;

    Fields(String source, String path, JsonObject object, Interpolation interpolation) {
        this.source = source;
        this.path = path;
        this.object = object;
        this.interpolation = interpolation;
    }

    ConfigException error(String field, String problem) {
        return new ConfigException(source, at(field), problem);
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void onlyKnown(Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw error(key, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    boolean has(String field) {
        return object.containsKey(field) && object.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    String requiredString(String field) {
        if (!has(field)) {
            throw error(field, "is required");
        }
        return string(field, null);
    }

    String string(String field, String fallback) {
        if (!has(field)) {
            return fallback;
        }
        String raw = rawString(field);
        String value = interpolation.resolve(raw);
        if (value == null) {
            throw error(field, "environment variable " + interpolation.firstUnset(raw) + " is not set");
        }
        return value;
    }

    /** A credential: an unset variable is not an error here, the secret just knows what is missing. */
    Secret secret(String field) {
        if (!has(field)) {
            return Secret.none();
        }
        String raw = rawString(field);
        String value = interpolation.resolve(raw);
        return value == null ? Secret.missing(interpolation.firstUnset(raw)) : Secret.of(value);
    }

    private String rawString(String field) {
        if (!(object.get(field) instanceof JsonString s)) {
            throw error(field, "must be a string");
        }
        return s.getString();
    }

    long positiveLong(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        if (!(object.get(field) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
            throw error(field, "must be a non-negative whole number");
        }
        return n.longValueExact();
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        if (object.get(field) != JsonValue.TRUE && object.get(field) != JsonValue.FALSE) {
            throw error(field, "must be true or false");
        }
        return object.get(field) == JsonValue.TRUE;
    }

    List<String> strings(String field) {
        if (!has(field)) {
            return List.of();
        }
        if (!(object.get(field) instanceof JsonArray array)) {
            throw error(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString s)) {
                throw error(field + "[" + i + "]", "must be a string");
            }
            values.add(s.getString());
        }
        return values;
    }

    List<Long> longs(String field) {
        if (!has(field)) {
            return List.of();
        }
        if (!(object.get(field) instanceof JsonArray array)) {
            throw error(field, "must be an array of whole numbers");
        }
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() <= 0) {
                throw error(field + "[" + i + "]", "must be a positive whole number");
            }
            values.add(n.longValueExact());
        }
        return values;
    }

    Fields object(String field) {
        if (!has(field)) {
            throw error(field, "is required");
        }
        if (!(object.get(field) instanceof JsonObject child)) {
            throw error(field, "must be an object");
        }
        return new Fields(source, at(field), child, interpolation);
    }

    /** The objects of an array field, each able to name its own fields as {@code field[i].name}. */
    List<Fields> objects(String field) {
        if (!has(field)) {
            throw error(field, "is required");
        }
        if (!(object.get(field) instanceof JsonArray array)) {
            throw error(field, "must be an array");
        }
        List<Fields> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String name = field + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject child)) {
                throw error(name, "must be an object");
            }
            elements.add(new Fields(source, at(name), child, interpolation));
        }
        return elements;
    }

    JsonObject json() {
        return object;
    }

    /** Prices stay decimal strings so no cost ever passes through floating point. */
    void decimalLeaves() {
        for (var entry : object.entrySet()) {
            JsonValue value = entry.getValue();
            if (value instanceof JsonObject) {
                object(entry.getKey()).decimalLeaves();
            } else if (value instanceof JsonString s) {
                try {
                    if (new BigDecimal(s.getString()).signum() < 0) {
                        throw error(entry.getKey(), "must not be negative");
                    }
                } catch (NumberFormatException e) {
                    throw error(entry.getKey(), "must be a decimal string such as \"0.0000006\"");
                }
            } else {
                throw error(entry.getKey(), "must be a decimal string such as \"0.0000006\" (quoted, to stay exact)");
            }
        }
    }
}
