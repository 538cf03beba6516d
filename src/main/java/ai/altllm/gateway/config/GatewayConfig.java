package ai.altllm.gateway.config;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole gateway configuration as read from one JSON file.
 *
 * @param source the file it came from, for messages
 * @param database the {@code database} section, or {@code null} for the embedded database
 * @param upstreamPool connection limits for upstream calls, from the {@code upstream} section
 * @param operations the {@code shutdown}, {@code metrics} and {@code access_log} sections, defaults filled in
 * @param clusterState whether rate-limit and credit state is shared through the cluster ({@code "shared_state":
 *     "cluster"}) rather than kept in memory ({@code "memory"}, the default)
 * @param raw the parsed document, for sections read by their own components
 * @param tools the {@code tools} section, {@link ToolsConfig#NONE} when absent
 * @param video the {@code video} section, or a random per-process token key when it is absent
 * @param authThrottle the {@code auth_throttle} section, defaults filled in
 */
public record GatewayConfig(String source, Map<String, ProviderConfig> providers, List<ModelConfig> models,
        DatabaseConfig database, UpstreamPool upstreamPool, OperationsConfig operations, RateLimitConfig rateLimits,
        CreditConfig credits, boolean clusterState, ToolsConfig tools, VideoConfig video,
        AuthThrottleConfig authThrottle,
        JsonObject raw) {

    public Optional<ModelConfig> model(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Largest request body accepted, from {@code limits.max_request_bytes} (checked by the parser), default 4 MiB. */
    public long maxRequestBytes() {
        return limit("max_request_bytes", 4L * 1024 * 1024);
    }

    /** How long a request body may take to arrive, from {@code limits.body_timeout_seconds}, default 30 s. */
    public long bodyTimeoutMillis() {
        return limit("body_timeout_seconds", 30) * 1000;
    }

    /** What all request bodies still arriving may hold together, from {@code limits.body_buffer_bytes}, 256 MiB. */
    public long bodyBufferBytes() {
        return limit("body_buffer_bytes", 256L * 1024 * 1024);
    }

    private long limit(String field, long fallback) {
        JsonObject limits = raw.getJsonObject("limits");
        return limits == null || !limits.containsKey(field) ? fallback : limits.getJsonNumber(field).longValueExact();
    }

    public ProviderConfig provider(String id) {
        return providers.get(id);
    }
}
