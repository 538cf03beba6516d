package ai.altllm.gateway.config;

import java.security.SecureRandom;
import java.util.Map;

/**
 * Settings of asynchronous video tasks: the keys that sign status tokens and how long tokens and cached statuses live.
 *
 * @param signingKeys every active token signing key by key id (one or two, so keys can rotate)
 * @param activeKey the key id new tokens are signed with
 * @param tokenTtlSeconds how long a status token stays valid after its task was created
 * @param pollCacheMs how long an upstream status is reused before a poll asks the provider again
 * @param ephemeral true when no {@code video} section was configured: the video component then signs with a key
 *     it generates once and keeps in the database
 */
public record VideoConfig(Map<String, byte[]> signingKeys, String activeKey, long tokenTtlSeconds, long pollCacheMs,
        boolean ephemeral) {

    public static final long DEFAULT_TOKEN_TTL_SECONDS = 7L * 24 * 3600;
    public static final long DEFAULT_POLL_CACHE_MS = 2000;

    /** No section: a placeholder random key, replaced by the one kept in the database (video/VideoTasks). */
    static VideoConfig randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new VideoConfig(Map.of("ephemeral", key), "ephemeral", DEFAULT_TOKEN_TTL_SECONDS,
                DEFAULT_POLL_CACHE_MS, true);
    }
}
