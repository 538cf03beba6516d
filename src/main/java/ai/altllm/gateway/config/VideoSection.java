package ai.altllm.gateway.config;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the optional {@code video} section: status-token signing keys and poll caching. */
final class VideoSection {

    private static final Set<String> FIELDS = Set.of("signing_keys", "active_key", "token_ttl_seconds",
            "poll_cache_ms");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private VideoSection() {
    }

    static VideoConfig read(Fields root) {
        if (!root.has("video")) {
            return VideoConfig.randomKey();
        }
        Fields video = root.object("video");
        video.onlyKnown(FIELDS);
        Fields section = video.object("signing_keys");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String id : section.json().keySet()) {
            if (!KEY_ID.matcher(id).matches()) {
                throw section.error(id, "key ids use 1 to 32 letters, digits, '_' and '-'");
            }
            Secret secret = section.secret(id);
            secret.missingVariable().ifPresent(variable -> {
                throw section.error(id, "environment variable " + variable + " is not set");
            });
            byte[] key = secret.value().orElseThrow(() -> section.error(id, "must be a string")).getBytes(
                    StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw section.error(id, "must be at least 32 bytes (e.g. `openssl rand -base64 48`)");
            }
            keys.put(id, key);
        }
        if (keys.isEmpty() || keys.size() > 2) {
            throw video.error("signing_keys", "must hold one or two keys (two while rotating)");
        }
        String active = video.string("active_key", keys.size() == 1 ? keys.keySet().iterator().next() : null);
        if (active == null) {
            throw video.error("active_key", "is required when two signing keys are configured");
        }
        if (!keys.containsKey(active)) {
            throw video.error("active_key", "'" + active + "' is not a key of signing_keys");
        }
        long ttl = video.positiveLong("token_ttl_seconds", VideoConfig.DEFAULT_TOKEN_TTL_SECONDS);
        if (ttl < 60) {
            throw video.error("token_ttl_seconds", "must be at least 60");
        }
        return new VideoConfig(Map.copyOf(keys), active, ttl,
                video.positiveLong("poll_cache_ms", VideoConfig.DEFAULT_POLL_CACHE_MS), false);
    }
}
