package ai.altllm.gateway.usage;

import java.time.Instant;

/** Which usage records to read; null fields do not filter. */
public record UsageFilter(String accountId, String keyId, String model, Instant from, Instant to, int limit) {
}
