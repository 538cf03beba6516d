package ai.altllm.gateway.errors;

/** The gateway's kinds of error: each an HTTP status with its OpenAI error {@code type} and default {@code code}. */
public enum ErrorKind {

    BAD_REQUEST(400, "invalid_request_error", "invalid_request"), UNAUTHORIZED(401, "invalid_request_error",
            "invalid_api_key"), INSUFFICIENT_QUOTA(402, "insufficient_quota", "insufficient_quota"), FORBIDDEN(403,
                    "permission_error",
                    "permission_denied"), NOT_FOUND(404, "invalid_request_error", "not_found"), METHOD_NOT_ALLOWED(405,
                            "invalid_request_error", "method_not_allowed"), NOT_ACCEPTABLE(406, "invalid_request_error",
                                    "not_acceptable"), REQUEST_TIMEOUT(408, "timeout_error", "request_timeout"),
    /** A 408 the client caused by not reading: its type blames the request, unlike {@link #REQUEST_TIMEOUT}'s. */
    CLIENT_TIMEOUT(408, "invalid_request_error", "request_timeout"), CONFLICT(409, "invalid_request_error",
            "conflict"), TOO_LARGE(413, "invalid_request_error", "request_too_large"), UNSUPPORTED_MEDIA_TYPE(415,
                    "invalid_request_error", "unsupported_media_type"), RATE_LIMITED(429, "rate_limit_error",
                            "rate_limit_exceeded"), INTERNAL(500, "server_error", "internal_error"), BAD_GATEWAY(502,
                                    "upstream_error", "bad_gateway"), UNAVAILABLE(503, "service_unavailable",
                                            "service_unavailable"), GATEWAY_TIMEOUT(504, "timeout_error",
                                                    "gateway_timeout");

    private final int status;
    private final String type;
    private final String code;

    ErrorKind(int status, String type, String code) {
        this.status = status;
        this.type = type;
        this.code = code;
    }

    /**
     * The kind whose type and code go with a status. A status without a kind of its own gets those of
     * {@link #INTERNAL} (5xx) or {@link #BAD_REQUEST} (anything else), whose errors do not carry that status.
     */
    public static ErrorKind of(int status) {
        for (ErrorKind kind : values()) {
            if (kind.status == status && kind != CLIENT_TIMEOUT) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }

    public ApiException error(String code, String message) {
        return error(code, null, message);
    }

    public ApiException error(String code, String param, String message) {
        return new ApiException(status, type, code, param, message);
    }

    public String type() {
        return type;
    }

    /** The code for an error of this kind that has no more specific one, e.g. one the framework raised. */
    public String code() {
        return code;
    }
}
