package ai.altllm.gateway.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client should see as an OpenAI error envelope with this status, type, code and param.
 * No stack trace is captured: these are expected outcomes on the request path, not bugs.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private Map<String, String> headers = Map.of();

    /** Made by {@link ErrorKind}'s factories, or {@link #relayed} for a status from outside the gateway. */
    ApiException(int status, String type, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** Adds a response header to send with the envelope (e.g. {@code Retry-After}); returns this. */
    public ApiException withHeader(String name, String value) {
        if (headers.isEmpty()) {
            headers = new LinkedHashMap<>();
        }
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /**
     * An error whose status, and perhaps type, code and param, come from outside the gateway (a provider's answer, the
     * framework's response) rather than from one of {@link ErrorKind}'s kinds.
     */
    public static ApiException relayed(int status, String type, String code, String param, String message) {
        return new ApiException(status, type, code, param, message);
    }

    public static ApiException invalid(String param, String message) {
        return ErrorKind.BAD_REQUEST.error("invalid_value", param, message);
    }

    public static ApiException notFound(String code, String message) {
        return ErrorKind.NOT_FOUND.error(code, message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }
}
