package ai.altllm.gateway.routing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops sending to a deployment after consecutive failures, then lets one request probe it once a cool-down has
 * passed; a success closes it again.
 */
public final class CircuitBreaker {

    static final int FAILURES_TO_OPEN = 3;
    static final long COOL_DOWN_NANOS = 30_000_000_000L;

    private final LongSupplier clock;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong();

    public CircuitBreaker(LongSupplier clock) {
        this.clock = clock;
    }

    /** True when requests may go to the deployment; after the cool-down, one caller at a time gets to probe. */
    public boolean allows() {
        long until = openUntil.get();
        if (until == 0) {
            return true;
        }
        long now = clock.getAsLong();
        return now - until >= 0 && openUntil.compareAndSet(until, now + COOL_DOWN_NANOS);
    }

    public void success() {
        failures.set(0);
        openUntil.set(0);
    }

    public void failure() {
        if (failures.incrementAndGet() >= FAILURES_TO_OPEN) {
            openUntil.set(clock.getAsLong() + COOL_DOWN_NANOS);
        }
    }

    public boolean isOpen() {
        return openUntil.get() != 0;
    }
}
