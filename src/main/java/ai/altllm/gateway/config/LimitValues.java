package ai.altllm.gateway.config;

/**
 * One set of rate limits from the {@code rate_limits} section; each value is {@code null} where this set says
 * nothing, so that a more general set (account, tier, default) decides.
 */
public record LimitValues(Long requestsPerMinute, Long tokensPerMinute, Integer maxConcurrent) {

    public static final LimitValues NONE = new LimitValues(null, null, null);

    public boolean isEmpty() {
        return requestsPerMinute == null && tokensPerMinute == null && maxConcurrent == null;
    }
}
