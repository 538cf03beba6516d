package ai.altllm.gateway.chat;

import ai.altllm.gateway.errors.ApiException;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * A chat request's body, read before matching because its {@code stream} flag picks the resource method: the JSON
 * object, or the error that answers it once the request reaches the resource.
 */
final class ChatBody {

    private static final String ATTRIBUTE = ChatBody.class.getName();

    private final JsonObject json;
    private final ApiException failure;
    private final long bytes;

    private ChatBody(JsonObject json, ApiException failure, long bytes) {
        this.json = json;
        this.failure = failure;
        this.bytes = bytes;
    }

    /** @param declaredLength the {@code Content-Length}, or -1 */
    static ChatBody read(InputStream in, long declaredLength, long maxBytes) {
        try {
            JsonObject json = RequestBody.read(in, declaredLength, maxBytes);
            return new ChatBody(json, null, declaredLength >= 0 ? declaredLength : json.toString().length());
        } catch (ApiException e) {
            return new ChatBody(null, e, 0);
        }
    }

    /** The body its filter read, else (a request that reached the resource some other way) read now. */
    static ChatBody of(ServletRequest request, long maxBytes) {
        if (request.getAttribute(ATTRIBUTE) instanceof ChatBody body) {
            return body;
        }
        try {
            return read(request.getInputStream(), request.getContentLengthLong(), maxBytes);
        } catch (IOException e) {
            return new ChatBody(null, RequestBody.unreadable(), 0);
        }
    }

    void keep(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    boolean streams() {
        return json != null && json.getBoolean("stream", false);
    }

    /** The body, or the error it deserves: 400 for what is not one JSON object, 413 for too many bytes. */
    JsonObject json() {
        if (failure != null) {
            throw failure;
        }
        return json;
    }

    /** The body's size: a prompt has fewer tokens than bytes, and about a quarter as many. */
    long bytes() {
        return bytes;
    }
}
