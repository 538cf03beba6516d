package ai.altllm.gateway.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorKindTest {

    private record Row(ErrorKind kind, int status, String type, String code) {
    }

    /** Written out by hand so that a changed status, type or code in the enum fails here rather than on the wire. */
    private static final List<Row> TABLE = List.of(
            new Row(ErrorKind.BAD_REQUEST, 400, "invalid_request_error", "invalid_request"),
            new Row(ErrorKind.UNAUTHORIZED, 401, "invalid_request_error", "invalid_api_key"),
            new Row(ErrorKind.INSUFFICIENT_QUOTA, 402, "insufficient_quota", "insufficient_quota"),
            new Row(ErrorKind.FORBIDDEN, 403, "permission_error", "permission_denied"),
            new Row(ErrorKind.NOT_FOUND, 404, "invalid_request_error", "not_found"),
            new Row(ErrorKind.METHOD_NOT_ALLOWED, 405, "invalid_request_error", "method_not_allowed"),
            new Row(ErrorKind.NOT_ACCEPTABLE, 406, "invalid_request_error", "not_acceptable"),
            new Row(ErrorKind.REQUEST_TIMEOUT, 408, "timeout_error", "request_timeout"),
            new Row(ErrorKind.CLIENT_TIMEOUT, 408, "invalid_request_error", "request_timeout"),
            new Row(ErrorKind.CONFLICT, 409, "invalid_request_error", "conflict"),
            new Row(ErrorKind.TOO_LARGE, 413, "invalid_request_error", "request_too_large"),
            new Row(ErrorKind.UNSUPPORTED_MEDIA_TYPE, 415, "invalid_request_error", "unsupported_media_type"),
            new Row(ErrorKind.RATE_LIMITED, 429, "rate_limit_error", "rate_limit_exceeded"),
            new Row(ErrorKind.INTERNAL, 500, "server_error", "internal_error"),
            new Row(ErrorKind.BAD_GATEWAY, 502, "upstream_error", "bad_gateway"),
            new Row(ErrorKind.UNAVAILABLE, 503, "service_unavailable", "service_unavailable"),
            new Row(ErrorKind.GATEWAY_TIMEOUT, 504, "timeout_error", "gateway_timeout"));

    @Test
    void eachKindHasItsStatusTypeAndDefaultCode() {
        assertEquals(ErrorKind.values().length, TABLE.size(), "every kind has a row here");
        for (Row row : TABLE) {
            assertEquals(row.status(), row.kind().error("some_code", "message").status(), row.kind().name());
            assertEquals(row.type(), row.kind().type(), row.kind().name());
            assertEquals(row.code(), row.kind().code(), row.kind().name());
        }
    }

    @Test
    void eachStatusLooksUpItsKind() {
        for (Row row : TABLE) {
            if (row.kind() != ErrorKind.CLIENT_TIMEOUT) {
                assertEquals(row.kind(), ErrorKind.of(row.status()));
            }
        }
        assertEquals(ErrorKind.REQUEST_TIMEOUT, ErrorKind.of(408), "a 408 from elsewhere is a timeout_error");
    }

    @Test
    void statusesWithoutAKindShareTheTypeAndCodeOfTheirClass() {
        assertEquals(ErrorKind.BAD_REQUEST, ErrorKind.of(418));
        assertEquals(ErrorKind.BAD_REQUEST, ErrorKind.of(431));
        assertEquals(ErrorKind.INTERNAL, ErrorKind.of(501));
        assertEquals(ErrorKind.INTERNAL, ErrorKind.of(599));
    }

    @Test
    void errorCarriesTheKindsStatusAndTypeWithTheGivenCodeParamAndMessage() {
        ApiException e = ErrorKind.CONFLICT.error("account_exists", "name", "taken");
        assertEquals(409, e.status());
        assertEquals("invalid_request_error", e.type());
        assertEquals("account_exists", e.code());
        assertEquals("name", e.param());
        assertEquals("taken", e.getMessage());

        ApiException stalled = ErrorKind.CLIENT_TIMEOUT.error("client_stalled", "stopped reading");
        assertEquals(408, stalled.status());
        assertEquals("invalid_request_error", stalled.type());
        assertEquals("client_stalled", stalled.code());
        assertNull(stalled.param());
    }

    @Test
    void relayedKeepsEveryFieldAsGiven() {
        ApiException e = ApiException.relayed(418, "provider_type", "provider_code", "messages", "refused");
        assertEquals(418, e.status());
        assertEquals("provider_type", e.type());
        assertEquals("provider_code", e.code());
        assertEquals("messages", e.param());
        assertEquals("refused", e.getMessage());
    }

    @Test
    void theShorthandsKeepTheirEnvelopes() {
        ApiException invalid = ApiException.invalid("temperature", "too hot");
        assertEquals(400, invalid.status());
        assertEquals("invalid_request_error", invalid.type());
        assertEquals("invalid_value", invalid.code());
        assertEquals("temperature", invalid.param());

        ApiException notFound = ApiException.notFound("key_not_found", "no key");
        assertEquals(404, notFound.status());
        assertEquals("invalid_request_error", notFound.type());
        assertEquals("key_not_found", notFound.code());
        assertNull(notFound.param());
    }
}
