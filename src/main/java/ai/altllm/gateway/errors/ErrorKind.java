package ai.altllm.gateway.errors;

/** The OpenAI error {@code type} and default {@code code} that go with each HTTP status. */
public record ErrorKind(String type, String code) {

    public static ErrorKind of(int status) {
        return switch (status) {
            case 400 -> new ErrorKind("invalid_request_error", "invalid_request");
            case 401 -> new ErrorKind("invalid_request_error", "invalid_api_key");
            case 402 -> new ErrorKind("insufficient_quota", "insufficient_quota");
            case 403 -> new ErrorKind("permission_error", "permission_denied");
            case 404 -> new ErrorKind("invalid_request_error", "not_found");
            case 405 -> new ErrorKind("invalid_request_error", "method_not_allowed");
            case 406 -> new ErrorKind("invalid_request_error", "not_acceptable");
            case 408 -> new ErrorKind("timeout_error", "request_timeout");
            case 409 -> new ErrorKind("invalid_request_error", "conflict");
            case 413 -> new ErrorKind("invalid_request_error", "request_too_large");
            case 415 -> new ErrorKind("invalid_request_error", "unsupported_media_type");
            case 429 -> new ErrorKind("rate_limit_error", "rate_limit_exceeded");
            case 502 -> new ErrorKind("upstream_error", "bad_gateway");
            case 503 -> new ErrorKind("service_unavailable", "service_unavailable");
            case 504 -> new ErrorKind("timeout_error", "gateway_timeout");
            default -> status >= 500 ? new ErrorKind("server_error", "internal_error")
                    : new ErrorKind("invalid_request_error", "invalid_request");
        };
    }
}
