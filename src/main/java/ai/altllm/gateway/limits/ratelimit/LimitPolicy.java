package ai.altllm.gateway.limits.ratelimit;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.LimitValues;
import ai.altllm.gateway.config.RateLimitConfig;
import ai.altllm.gateway.keys.Account;
import ai.altllm.gateway.keys.AccountRepository;
import ai.altllm.gateway.keys.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which limits apply to a request and which bucket counts it. Each value comes from the first that sets it:
 * the key itself, the key's account in {@code rate_limits.accounts}, the model's tier, {@code rate_limits.default}.
 * A model in a tier is counted in a bucket of its own per key, as OpenAI counts per model.
 */
@ApplicationScoped
public class LimitPolicy {

    /** The limits of one request and the id of the bucket that counts it. */
    public record Bucket(String id, Limits limits) {
    }

    @Inject
    Configuration configuration;

    @Inject
    AccountRepository accounts;

    /** Account id to its configured values (by id or name), read once per account and configuration. */
    private record AccountValues(RateLimitConfig config, Map<String, LimitValues> byAccount) {
    }

    private volatile AccountValues accountValues = new AccountValues(null, Map.of());

    /** @param model the public model id, or null for a request that uses none */
    public Bucket bucket(ApiKey key, String model) {
        RateLimitConfig config = configuration.get().rateLimits();
        LimitValues account = account(config, key.accountId());
        String tier = model == null ? null : config.tierOfModel().get(model);
        LimitValues tierValues = tier == null ? LimitValues.NONE : config.tiers().get(tier);
        LimitValues defaults = config.defaults();
        long rpm = key.requestsPerMinute() != null ? key.requestsPerMinute()
                : first(account.requestsPerMinute(), tierValues.requestsPerMinute(), defaults.requestsPerMinute());
        long tpm = key.tokensPerMinute() != null ? key.tokensPerMinute()
                : first(account.tokensPerMinute(), tierValues.tokensPerMinute(), defaults.tokensPerMinute());
        long concurrent = key.maxConcurrent() != null ? key.maxConcurrent()
                : first(account.maxConcurrent(), tierValues.maxConcurrent(), defaults.maxConcurrent());
        return new Bucket(tier == null ? key.id() : key.id() + "@" + tier, new Limits(rpm, tpm, (int) concurrent));
    }

    /**
     * The limits an account's keys may ask for through the portal: each value from the account's own set, else
     * {@code rate_limits.default}; null where neither sets one (no ceiling). Tiers are per model, so they take no part.
     */
    public LimitValues accountCeiling(String accountId) {
        RateLimitConfig config = configuration.get().rateLimits();
        LimitValues account = account(config, accountId);
        LimitValues defaults = config.defaults();
        return new LimitValues(
                account.requestsPerMinute() != null ? account.requestsPerMinute() : defaults.requestsPerMinute(),
                account.tokensPerMinute() != null ? account.tokensPerMinute() : defaults.tokensPerMinute(),
                account.maxConcurrent() != null ? account.maxConcurrent() : defaults.maxConcurrent());
    }

    private LimitValues account(RateLimitConfig config, String accountId) {
        if (config.accounts().isEmpty()) {
            return LimitValues.NONE;
        }
        AccountValues values = accountValues;
        if (values.config() != config) {
            // A reloaded configuration: what was looked up for the old one no longer holds.
            values = new AccountValues(config, new ConcurrentHashMap<>());
            accountValues = values;
        }
        return values.byAccount().computeIfAbsent(accountId, id -> forAccount(config, id));
    }

    private LimitValues forAccount(RateLimitConfig config, String accountId) {
        LimitValues byId = config.accounts().get(accountId);
        if (byId != null) {
            return byId;
        }
        String name = accounts.find(accountId).map(Account::name).orElse(null);
        return name == null ? LimitValues.NONE : config.accounts().getOrDefault(name, LimitValues.NONE);
    }

    /** The first value given, or 0 (no limit); three parameters rather than varargs, as this runs per request. */
    private static long first(Number account, Number tier, Number defaults) {
        return account != null ? account.longValue() : tier != null ? tier.longValue()
                : defaults != null ? defaults.longValue() : 0;
    }
}
