package ai.altllm.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.errors.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static KeyRequest parse(String json) {
        return KeyRequest.parse(json, NOW);
    }

    /** A body with the required fields and one more. */
    private static String with(String field) {
        return "{\"account\": \"a\", \"name\": \"n\", " + field + "}";
    }

    /** The {@code param} of the 400 a body gets. */
    private static String param(String json) {
        ApiException e = assertThrows(ApiException.class, () -> parse(json));
        assertEquals(400, e.status(), e.getMessage());
        return e.param();
    }

    @Test
    void theIssueExampleParses() {
        KeyRequest request = parse("{\"account\": \"team-a\", \"name\": \"ci\", \"models\": [\"altllm-basic\"], "
                + "\"rate_limit\": {\"requests_per_minute\": 60, \"tokens_per_minute\": 100000}, "
                + "\"expires_at\": null}");
        assertEquals("team-a", request.account());
        assertEquals(List.of("altllm-basic"), request.models());
        assertEquals(60, request.requestsPerMinute());
        assertEquals(100_000L, request.tokensPerMinute());
        assertNull(request.expiresAt());
        assertNull(request.creditLimit());
        assertNull(request.maxConcurrent());
        assertEquals(3, parse(with("\"rate_limit\": {\"max_concurrent\": 3}")).maxConcurrent());
    }

    @Test
    void datesAndCreditLimitsInTheirAcceptedForms() {
        assertEquals(Instant.parse("2027-01-31T00:00:00Z"),
                parse(with("\"expires_at\": \"2027-01-31T00:00:00Z\"")).expiresAt());
        assertEquals(Instant.ofEpochSecond(1900000000L), parse(with("\"expires_at\": 1900000000")).expiresAt());
        assertEquals(new BigDecimal("25.50"), parse(with("\"credit_limit\": \"25.50\"")).creditLimit());
        assertEquals(new BigDecimal("10"), parse(with("\"credit_limit\": 10")).creditLimit());
    }

    @Test
    void everyBadInputNamesItsParam() {
        assertNull(param("not json"));
        assertNull(param("[1, 2]"));
        assertNull(param(""));
        assertEquals("account", param("{\"name\": \"n\"}"));
        assertEquals("account", param("{\"account\": 7, \"name\": \"n\"}"));
        assertEquals("name", param("{\"account\": \"a\", \"name\": \"  \"}"));
        assertEquals("name", param("{\"account\": \"a\", \"name\": \"" + "x".repeat(201) + "\"}"));
        assertEquals("nmae", param("{\"account\": \"a\", \"nmae\": \"n\"}"));
        assertEquals("models", param(with("\"models\": \"altllm-basic\"")));
        assertEquals("models", param(with("\"models\": []")));
        assertEquals("models[1]", param(with("\"models\": [\"a\", 2]")));
        assertEquals("rate_limit", param(with("\"rate_limit\": 60")));
        assertEquals("rate_limit.requests_per_minute", param(with("\"rate_limit\": {\"requests_per_minute\": -1}")));
        assertEquals("rate_limit.requests_per_minute", param(with("\"rate_limit\": {\"requests_per_minute\": 1.5}")));
        assertEquals("rate_limit.tokens_per_minute", param(with("\"rate_limit\": {\"tokens_per_minute\": \"x\"}")));
        assertEquals("rate_limit.max_concurrent", param(with("\"rate_limit\": {\"max_concurrent\": 0}")));
        assertEquals("rate_limit.max_concurrent", param(with("\"rate_limit\": {\"max_concurrent\": 3000000000}")));
        assertEquals("rate_limit.burst", param(with("\"rate_limit\": {\"burst\": 1}")));
        assertEquals("credit_limit", param(with("\"credit_limit\": -5")));
        assertEquals("credit_limit", param(with("\"credit_limit\": \"ten\"")));
        assertEquals("expires_at", param(with("\"expires_at\": \"tomorrow\"")));
        assertEquals("expires_at", param(with("\"expires_at\": \"2020-01-01T00:00:00Z\"")));
        assertEquals("expires_at", param(with("\"expires_at\": true")));
    }

    /** Issue 18 item 6: a portal key asking 200 rpm under an account limited to 3 is refused, naming the field. */
    @Test
    void aKeyLimitAboveTheAccountCeilingIsRefused() {
        KeyRequest asks = parse(with("\"rate_limit\": {\"requests_per_minute\": 200, \"max_concurrent\": 2}"));
        ApiException e = assertThrows(ApiException.class,
                () -> asks.checkWithin(new ai.altllm.gateway.config.LimitValues(3L, null, 4)));
        assertEquals(400, e.status());
        assertEquals("rate_limit.requests_per_minute", e.param());
        ApiException concurrent = assertThrows(ApiException.class,
                () -> asks.checkWithin(new ai.altllm.gateway.config.LimitValues(null, null, 1)));
        assertEquals("rate_limit.max_concurrent", concurrent.param());
        asks.checkWithin(new ai.altllm.gateway.config.LimitValues(200L, 10L, 2));
        asks.checkWithin(ai.altllm.gateway.config.LimitValues.NONE);
    }
}
