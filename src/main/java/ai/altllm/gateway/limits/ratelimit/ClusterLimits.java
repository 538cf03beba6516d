package ai.altllm.gateway.limits.ratelimit;

import javax.cache.Cache;

/**
 * Limit state in a cluster-wide JCache (Hazelcast on Payara Micro): every instance admits against the same buckets.
 * Each step is one {@code Cache.invoke}, atomic per key. Times are wall-clock nanoseconds, comparable across
 * instances (whose clocks must agree to well under a second).
 */
public final class ClusterLimits implements LimitStore {

    private final Cache<String, long[]> cache;

    public ClusterLimits(Cache<String, long[]> cache) {
        this.cache = cache;
    }

    @Override
    public Admission admit(String keyId, Limits limits, long reservedTokens) {
        return admission(cache.invoke(keyId, new LimitProcessor(LimitProcessor.ADMIT, limits, reservedTokens, 0,
                now())));
    }

    @Override
    public void settle(String keyId, long reservedTokens, long actualTokens) {
        cache.invoke(keyId, new LimitProcessor(LimitProcessor.SETTLE, null, reservedTokens, actualTokens, now()));
    }

    @Override
    public Admission peek(String keyId, Limits limits) {
        return admission(cache.invoke(keyId, new LimitProcessor(LimitProcessor.PEEK, limits, 0, 0, now())));
    }

    private static long now() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    private static Admission admission(long[] a) {
        String refused = a[0] == LimitProcessor.OK ? null : a[0] == LimitProcessor.REQUESTS ? "requests"
                : a[0] == LimitProcessor.TOKENS ? "tokens" : "concurrency";
        return new Admission(refused, a[1], window(a[2], a[3], a[4]), window(a[5], a[6], a[7]));
    }

    private static Admission.Window window(long limit, long remaining, long reset) {
        return limit == 0 ? Admission.Window.UNLIMITED : new Admission.Window(limit, remaining, reset);
    }
}
