package ai.altllm.gateway.config;

import java.time.Duration;
import java.util.Set;

/**
 * How the gateway is operated: graceful shutdown, who may scrape {@code /metrics}, and which accounts' prompts and
 * completions the access log may carry.
 *
 * @param grace how long in-flight requests and streams may run on once shutdown begins
 * @param retryAfterSeconds the {@code Retry-After} sent with the 503 refusing new requests during shutdown
 * @param metrics whether requests are counted for {@code /metrics} at all
 * @param metricsToken a bearer token that opens {@code /metrics} besides the admin key; absent means admin key only
 * @param accessLog whether each request's line is written to the access log
 * @param contentAccounts account ids whose prompt and completion text the access log includes (empty: none)
 */
public record OperationsConfig(Duration grace, int retryAfterSeconds, boolean metrics, Secret metricsToken,
        boolean accessLog, Set<String> contentAccounts) {

    public static final OperationsConfig DEFAULTS = new OperationsConfig(Duration.ofSeconds(30), 5, true,
            Secret.none(), true, Set.of());
}
