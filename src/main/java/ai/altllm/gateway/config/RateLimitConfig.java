package ai.altllm.gateway.config;

import java.util.Map;

/**
 * The {@code rate_limits} section: limits for keys that set none themselves, by account (id or name), by model
 * tier, and for everyone.
 *
 * @param tierOfModel the tier of each model that belongs to one
 */
public record RateLimitConfig(LimitValues defaults, Map<String, LimitValues> accounts, Map<String, LimitValues> tiers,
        Map<String, String> tierOfModel) {

    public static final RateLimitConfig NONE = new RateLimitConfig(LimitValues.NONE, Map.of(), Map.of(), Map.of());
}
