package ai.altllm.gateway.keys;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Reads {@code Authorization: Bearer <token>} and builds the one 401 every failed authentication gets. */
public final class Bearer {

    private static final String SCHEME = "Bearer ";

    private Bearer() {
    }

    /** The token, or {@code null} when the header is missing or uses another scheme. */
    public static String token(String authorization) {
        if (authorization == null || authorization.length() < SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).trim();
    }

    /** The same body for a missing, malformed, unknown, revoked or expired key, so none can be told apart. */
    public static Response unauthorized() {
        ApiException e = ErrorKind.UNAUTHORIZED.error("invalid_api_key",
                "Invalid API key. Send a key issued by this gateway as 'Authorization: Bearer <key>'.");
        return Response.fromResponse(ErrorEnvelope.response(e)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
