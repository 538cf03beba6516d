package ai.altllm.gateway.config;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code tools} section: which requests get the gateway's built-in tools, how many model rounds one request may
 * take, and where the built-in crypto tools get their data.
 *
 * @param maxRounds the most model calls one chat request may make while the gateway runs built-in tools for it
 * @param disabledModels public model ids that are never offered built-in tools
 * @param disabledKeys API key ids ({@code key_...}) whose requests are never offered built-in tools
 * @param crypto the market-data source of the crypto tools, absent when the tools are not configured
 */
public record ToolsConfig(int maxRounds, Set<String> disabledModels, Set<String> disabledKeys,
        Optional<CryptoSource> crypto) {

    /** No {@code tools} section: no built-in tools. */
    public static final ToolsConfig NONE = new ToolsConfig(4, Set.of(), Set.of(), Optional.empty());

    /**
     * A CoinGecko-compatible HTTP API.
     *
     * @param apiKeyHeader the header carrying the key ({@code x-cg-demo-api-key} for CoinGecko's demo plan)
     * @param cacheTtlMs how long an answer is reused for the same query
     * @param requestsPerMinute the most calls the gateway makes to the source per minute (a token bucket)
     */
    public record CryptoSource(URI baseUrl, Secret apiKey, String apiKeyHeader, long cacheTtlMs,
            int requestsPerMinute, Timeouts timeouts) {
    }
}
