package ai.altllm.gateway.limits.ratelimit;

/** A key's limits; 0 means unlimited for that dimension. */
public record Limits(long requestsPerMinute, long tokensPerMinute, int maxConcurrent) {

    public static final Limits NONE = new Limits(0, 0, 0);
}
