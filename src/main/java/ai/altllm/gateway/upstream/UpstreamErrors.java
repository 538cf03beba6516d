package ai.altllm.gateway.upstream;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Upstream failures as the client should see them. Messages never name the provider's host or key: which provider
 * serves a model is the gateway's private business.
 */
public final class UpstreamErrors {

    private UpstreamErrors() {
    }

    /** A non-2xx answer: client errors keep their status and message, provider failures become 502. */
    public static ApiException status(int status, String body) {
        JsonObject error = errorObject(body);
        String message = text(error, "message");
        if (status >= 400 && status < 500) {
            ErrorKind kind = ErrorKind.of(status);
            String type = text(error, "type");
            String code = text(error, "code");
            return ApiException.relayed(status, type == null ? kind.type() : type, code == null ? kind.code() : code,
                    text(error, "param"), message == null ? "The upstream provider refused the request (HTTP "
                            + status + ")" : message);
        }
        return ErrorKind.BAD_GATEWAY.error("upstream_error", "The upstream provider failed (HTTP " + status + ")"
                + (message == null ? "" : ": " + message));
    }

    public static ApiException malformed(String what) {
        return ErrorKind.BAD_GATEWAY.error("upstream_malformed",
                "The upstream provider sent a malformed answer: " + what);
    }

    public static ApiException timeout(String phase) {
        return ErrorKind.GATEWAY_TIMEOUT.error("upstream_timeout",
                "The upstream provider did not answer in time (" + phase + ")");
    }

    /** The client stopped reading for as long as the provider may stay idle: the stream is given up. */
    public static ApiException clientStalled() {
        return ErrorKind.CLIENT_TIMEOUT.error("client_stalled",
                "The client stopped reading the stream; the gateway ended it");
    }

    /** Transport failures: timeouts are 504, everything else (refused, reset, truncated) is 502. */
    public static ApiException transport(Exception e) {
        if (e instanceof ConnectTimeoutException) {
            return timeout("connect");
        }
        if (e instanceof InterruptedIOException) {
            return timeout("no data");
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return ErrorKind.BAD_GATEWAY.error("upstream_unreachable", "The upstream provider could not be reached");
        }
        return ErrorKind.BAD_GATEWAY.error("upstream_connection_failed",
                "The connection to the upstream provider failed");
    }

    private static JsonObject errorObject(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object.get("error") instanceof JsonObject inner ? inner : object;
            }
        } catch (RuntimeException notJson) {
            // Falls through: a non-JSON error page says nothing worth forwarding.
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }
}
