package ai.altllm.gateway.video;

import java.time.Instant;

/**
 * What a status token vouches for: which task, created by which API key of which account, until when.
 *
 * @param purpose what the token may be used for, so a token minted for one job cannot be replayed for another
 */
public record TaskClaim(String taskId, String keyId, String accountId, String purpose, Instant expiresAt) {
}
