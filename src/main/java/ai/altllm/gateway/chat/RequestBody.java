package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a request body into one JSON object: bounded size, strict UTF-8, bounded nesting, else an OpenAI error. */
final class RequestBody {

    static final int MAX_DEPTH = 64;
    /** Bytes read and dropped past the limit, so the client gets to read its 413 instead of a reset. */
    private static final long DRAIN_BYTES = 16L * 1024 * 1024;

    private RequestBody() {
    }

    static JsonObject read(InputStream in, long declaredLength, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw tooLarge(in, maxBytes);
        }
        byte[] bytes;
        try {
            bytes = readBounded(in, maxBytes);
        } catch (IOException e) {
            throw unreadable();
        }
        return parse(bytes);
    }

    /** The client broke off or broke the framing mid-body. New each time: callers may add headers. */
    static ApiException unreadable() {
        return ApiException.invalid(null, "The request body could not be read");
    }

    static JsonObject parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid(null, "The request body is not valid UTF-8");
        }
        if (depth(text) > MAX_DEPTH) {
            throw ApiException.invalid(null, "The request body nests JSON deeper than " + MAX_DEPTH + " levels");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.invalid(null, "The request body is not valid JSON");
        } catch (UnsupportedOperationException | ArithmeticException e) {
            // Parsson refuses numbers longer than jakarta.json.bigDecimalLengthLimit (1,100 characters).
            throw ApiException.invalid(null, "A number in the request body is too long (over 1,100 characters)");
        }
        throw ApiException.invalid(null, "The request body must be a JSON object");
    }

    private static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1;) {
            if (out.size() + (long) n > maxBytes) {
                throw tooLarge(in, maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Deepest bracket nesting outside strings: checked before parsing so a hostile body cannot exhaust the stack. */
    static int depth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    private static ApiException tooLarge(InputStream in, long maxBytes) {
        try {
            long dropped = 0;
            byte[] buffer = new byte[8192];
            for (int n; dropped < DRAIN_BYTES && (n = in.read(buffer)) != -1;) {
                dropped += n;
            }
        } catch (IOException e) {
            // The client went away; the 413 is still the right answer for the log.
        }
        return ErrorKind.TOO_LARGE.error("request_too_large",
                "The request body exceeds the limit of " + maxBytes + " bytes");
    }
}
