package ai.altllm.gateway.config;

import java.util.Set;

/**
 * How many upstream connections the gateway may hold open, from the {@code upstream} section. Every open stream holds
 * one, so these bound the concurrent streams per provider host; the process's file limit must allow for them.
 */
public record UpstreamPool(int maxConnections, int maxConnectionsPerHost) {

    public static final UpstreamPool DEFAULTS = new UpstreamPool(4096, 2048);

    private static final Set<String> FIELDS = Set.of("max_connections", "max_connections_per_host");
    private static final int MAX = 1_000_000;

    static UpstreamPool read(Fields root) {
        if (!root.has("upstream")) {
            return DEFAULTS;
        }
        Fields section = root.object("upstream");
        section.onlyKnown(FIELDS);
        int total = bounded(section, "max_connections", DEFAULTS.maxConnections());
        int perHost = bounded(section, "max_connections_per_host", Math.min(total, DEFAULTS.maxConnectionsPerHost()));
        if (perHost > total) {
            throw section.error("max_connections_per_host", "must not exceed max_connections (" + total + ")");
        }
        return new UpstreamPool(total, perHost);
    }

    private static int bounded(Fields section, String field, int fallback) {
        long value = section.positiveLong(field, fallback);
        if (value < 1 || value > MAX) {
            throw section.error(field, "must be between 1 and " + MAX);
        }
        return (int) value;
    }
}
