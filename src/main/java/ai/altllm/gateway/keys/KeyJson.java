package ai.altllm.gateway.keys;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;

/** The JSON views of accounts and keys; none of them can contain a secret, since {@link ApiKey} holds none. */
public final class KeyJson {

    private KeyJson() {
    }

    public static JsonObject account(Account account) {
        return JSON.createObjectBuilder().add("id", account.id()).add("object", "account").add("name", account.name())
                .add("kind", account.kind()).add("created_at", account.createdAt().getEpochSecond()).build();
    }

    /** A key as the admin API lists it; times are Unix seconds, money a decimal string, as in the catalog. */
    public static JsonObjectBuilder key(ApiKey key) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", key.id()).add("object", "api_key")
                .add("account", key.accountId()).add("name", key.name()).add("prefix", key.prefix());
        time(json, "created_at", key.createdAt());
        time(json, "last_used_at", key.lastUsedAt());
        time(json, "expires_at", key.expiresAt());
        json.add("revoked", key.revoked());
        return limits(json, key);
    }

    /** The caller's own key, shaped like OpenRouter's {@code GET /api/v1/key}. */
    public static JsonObject own(ApiKey key, BigDecimal usage) {
        JsonObjectBuilder data = JSON.createObjectBuilder().add("id", key.id()).add("name", key.name())
                .add("label", key.prefix() + "...").add("prefix", key.prefix()).add("usage", decimal(usage))
                .add("is_free_tier", false);
        if (key.creditLimit() == null) {
            data.addNull("limit").addNull("limit_remaining");
        } else {
            data.add("limit", decimal(key.creditLimit()))
                    .add("limit_remaining", decimal(key.creditLimit().subtract(usage).max(BigDecimal.ZERO)));
        }
        time(data, "expires_at", key.expiresAt());
        return JSON.createObjectBuilder().add("data", limits(data, key)).build();
    }

    private static JsonObjectBuilder limits(JsonObjectBuilder json, ApiKey key) {
        if (key.models() == null) {
            json.addNull("models");
        } else {
            json.add("models", JSON.createArrayBuilder(key.models().stream().sorted().toList()));
        }
        JsonObjectBuilder rate = JSON.createObjectBuilder();
        limit(rate, "requests_per_minute", key.requestsPerMinute());
        limit(rate, "tokens_per_minute", key.tokensPerMinute());
        limit(rate, "max_concurrent", key.maxConcurrent());
        json.add("rate_limit", rate);
        return key.creditLimit() == null ? json.addNull("credit_limit")
                : json.add("credit_limit", decimal(key.creditLimit()));
    }

    /** A whole-number limit, or {@code null} where the key has none of its own. */
    private static void limit(JsonObjectBuilder json, String name, Number value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.longValue());
        }
    }

    private static void time(JsonObjectBuilder json, String name, Instant value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.getEpochSecond());
        }
    }

    static String decimal(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
