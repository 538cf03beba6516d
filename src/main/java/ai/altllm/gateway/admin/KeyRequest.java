package ai.altllm.gateway.admin;

import ai.altllm.gateway.config.LimitValues;
import ai.altllm.gateway.errors.ApiException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** A checked {@code POST /admin/v1/keys} body; the account and models are resolved by the resource. */
record KeyRequest(String account, String name, List<String> models, Integer requestsPerMinute,
        Long tokensPerMinute, Integer maxConcurrent, BigDecimal creditLimit, Instant expiresAt) {

    private static final Set<String> FIELDS = Set.of("account", "name", "models", "rate_limit", "credit_limit",
            "expires_at");
    private static final Set<String> RATE_FIELDS = Set.of("requests_per_minute", "tokens_per_minute",
            "max_concurrent");

    static KeyRequest parse(String text, Instant now) {
        JsonBody body = JsonBody.parse(text, FIELDS);
        String account = body.name("account", 200);
        String name = body.name("name", 200);
        List<String> models = body.strings("models");
        JsonBody rate = body.object("rate_limit", RATE_FIELDS);
        Long requests = rate == null ? null : rate.positive("requests_per_minute", Integer.MAX_VALUE);
        Long tokens = rate == null ? null : rate.positive("tokens_per_minute", Long.MAX_VALUE / 2);
        Long concurrent = rate == null ? null : rate.positive("max_concurrent", Integer.MAX_VALUE);
        return new KeyRequest(account, name, models, requests == null ? null : requests.intValue(), tokens,
                concurrent == null ? null : concurrent.intValue(), credit(body), expiry(body, now));
    }

    /** Refuses a per-key limit above the account's (a ceiling value of null means none). */
    void checkWithin(LimitValues ceiling) {
        above("requests_per_minute", requestsPerMinute, ceiling.requestsPerMinute());
        above("tokens_per_minute", tokensPerMinute, ceiling.tokensPerMinute());
        above("max_concurrent", maxConcurrent, ceiling.maxConcurrent());
    }

    private static void above(String field, Number asked, Number ceiling) {
        if (asked != null && ceiling != null && ceiling.longValue() > 0 && asked.longValue() > ceiling.longValue()) {
            throw ApiException.invalid("rate_limit." + field, "rate_limit." + field + " may be at most "
                    + ceiling + ", the account's limit; only the operator can raise it.");
        }
    }

    private static BigDecimal credit(JsonBody body) {
        String problem = "must be a non-negative decimal such as \"25.00\" (at most 10 decimals)";
        BigDecimal limit = body.decimal("credit_limit", problem);
        if (limit != null && limit.signum() < 0) {
            throw body.invalid("credit_limit", problem);
        }
        return limit;
    }

    /** Unix seconds or an ISO-8601 date-time with offset, e.g. {@code 2027-01-31T00:00:00Z}; must lie ahead. */
    private static Instant expiry(JsonBody body, Instant now) {
        if (!body.has("expires_at")) {
            return null;
        }
        JsonValue value = body.raw("expires_at");
        Instant at;
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().bitLength() < 40) {
            at = Instant.ofEpochSecond(n.longValue());
        } else if (value instanceof JsonString s) {
            try {
                at = OffsetDateTime.parse(s.getString()).toInstant();
            } catch (DateTimeParseException e) {
                throw body.invalid("expires_at", "must be an ISO-8601 date-time with offset such as "
                        + "\"2027-01-31T00:00:00Z\", Unix seconds, or null");
            }
        } else {
            throw body.invalid("expires_at", "must be Unix seconds, an ISO-8601 date-time string, or null");
        }
        if (!at.isAfter(now)) {
            throw body.invalid("expires_at", "must be in the future");
        }
        return at;
    }
}
