package ai.altllm.gateway.upstream.crypto;

import java.util.function.LongSupplier;

/** A token bucket of {@code perMinute} tokens refilling continuously; takes never wait, they succeed or not. */
final class TokenBucket {

    private static final double NANOS_PER_MINUTE = 60_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    TokenBucket(int perMinute, LongSupplier clock) {
        this.capacity = perMinute;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.clock = clock;
        this.tokens = perMinute;
        this.last = clock.getAsLong();
    }

    /** Takes one token if there is one. Cheap enough to hold the lock: a few arithmetic operations. */
    synchronized boolean tryTake() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
