package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Small, cheap edits on upstream JSON: naming the public model, reading it once when its content matters. */
final class Chunks {

    private static final String MODEL_KEY = "\"model\"";

    private Chunks() {
    }

    /**
     * Replaces the value of the first {@code "model"} key with the public id, in place in the text, so ordinary chunks
     * are never parsed and re-serialized. Inside JSON strings quotes are escaped, so the unescaped key cannot match
     * there; upstreams put the top-level {@code model} before any nested object that could hold the same key.
     */
    static String renameModel(String json, String quotedPublicId) {
        int key = json.indexOf(MODEL_KEY);
        if (key < 0) {
            return json;
        }
        int i = skipSpace(json, key + MODEL_KEY.length());
        if (i >= json.length() || json.charAt(i) != ':') {
            return json;
        }
        i = skipSpace(json, i + 1);
        if (i >= json.length() || json.charAt(i) != '"') {
            return json;
        }
        int end = i + 1;
        while (end < json.length() && json.charAt(end) != '"') {
            end += json.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= json.length()) {
            return json;
        }
        return json.substring(0, i) + quotedPublicId + json.substring(end + 1);
    }

    static String quoted(String text) {
        return JSON.createValue(text).toString();
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Parses an upstream JSON object, or returns null when it is not one. */
    static JsonObject parse(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue() instanceof JsonObject object ? object : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    static JsonObject usage(JsonObject object) {
        return object.get("usage") instanceof JsonObject usage ? usage : null;
    }

    /** True when a chunk could carry usage; only those are parsed. */
    static boolean mayCarryUsage(String chunk) {
        int at = chunk.indexOf("\"usage\"");
        return at >= 0 && !chunk.startsWith("null", skipSpace(chunk, chunk.indexOf(':', at) + 1));
    }

    static boolean hasNoChoices(JsonObject chunk) {
        JsonValue choices = chunk.get("choices");
        return !(choices instanceof JsonArray array) || array.isEmpty();
    }

    /** The text of {@code choices[0].delta.content}, or {@code null}. */
    static String deltaContent(JsonObject chunk) {
        return content(chunk, "delta");
    }

    /** The text of {@code choices[0].message.content}, or {@code null}. */
    static String messageContent(JsonObject completion) {
        return content(completion, "message");
    }

    private static String content(JsonObject object, String part) {
        return object != null && object.get("choices") instanceof JsonArray choices && !choices.isEmpty()
                && choices.get(0) instanceof JsonObject choice && choice.get(part) instanceof JsonObject inner
                && inner.get("content") instanceof JsonString text ? text.getString() : null;
    }
}
