package ai.altllm.gateway.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * What the gateway remembers about an API key: never the key itself.
 *
 * @param models the model ids the key may use, or {@code null} for every model
 * @param requestsPerMinute {@code null} for no limit
 * @param tokensPerMinute {@code null} for no limit
 * @param maxConcurrent requests of the key running at once; {@code null} to follow the configuration
 * @param creditLimit {@code null} for no limit
 */
public record ApiKey(String id, String accountId, String name, String prefix, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt, boolean revoked, Set<String> models, Integer requestsPerMinute, Long tokensPerMinute,
        Integer maxConcurrent, BigDecimal creditLimit) {

    /** A new key's metadata, ready to be stored with the hash of its secret. */
    public static ApiKey create(String accountId, String name, String secret, Instant expiresAt, Set<String> models,
            Integer requestsPerMinute, Long tokensPerMinute, Integer maxConcurrent, BigDecimal creditLimit) {
        return new ApiKey(Ids.create("key_"), accountId, name, KeyFormat.visiblePrefix(secret), Instant.now(), null,
                expiresAt, false, models == null ? null : Set.copyOf(models), requestsPerMinute, tokensPerMinute,
                maxConcurrent, creditLimit);
    }

    public boolean isUsableAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean allows(String model) {
        return models == null || models.contains(model);
    }
}
