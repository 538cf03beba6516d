package ai.altllm.gateway.limits.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Limit state in this JVM: the default for a single instance, lock-free per key. */
public final class LocalLimits implements LimitStore {

    private final Map<String, KeyLimiter> keys = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public LocalLimits(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public LocalLimits() {
        this(System::nanoTime);
    }

    @Override
    public Admission admit(String keyId, Limits limits, long reservedTokens) {
        return limiter(keyId, limits).admit(reservedTokens, nanoClock.getAsLong());
    }

    @Override
    public void settle(String keyId, long reservedTokens, long actualTokens) {
        KeyLimiter limiter = keys.get(keyId);
        if (limiter != null) {
            limiter.settle(reservedTokens, actualTokens, nanoClock.getAsLong());
        }
    }

    @Override
    public Admission peek(String keyId, Limits limits) {
        return limiter(keyId, limits).peek(nanoClock.getAsLong());
    }

    /** A changed limit (an admin edited the key) starts a fresh limiter rather than reinterpreting old state. */
    private KeyLimiter limiter(String keyId, Limits limits) {
        KeyLimiter limiter = keys.get(keyId);
        if (limiter == null || !limiter.limits().equals(limits)) {
            limiter = keys.compute(keyId, (id, old) -> old != null && old.limits().equals(limits) ? old
                    : new KeyLimiter(limits));
        }
        return limiter;
    }
}
