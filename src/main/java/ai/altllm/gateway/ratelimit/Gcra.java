package ai.altllm.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One "N per minute" limit as a generic cell rate algorithm: a single theoretical arrival time, updated by
 * compare-and-set, so admission is lock-free and O(1). It behaves like a bucket of N that refills continuously over
 * a minute; a cost may be reserved up front and corrected later (refund or surcharge).
 */
final class Gcra {

    static final long WINDOW_NANOS = 60_000_000_000L;

    private final long limit;
    private final double nanosPerUnit;
    private final AtomicLong theoreticalArrival = new AtomicLong(Long.MIN_VALUE / 2);

    Gcra(long limit) {
        this.limit = limit;
        this.nanosPerUnit = (double) WINDOW_NANOS / limit;
    }

    long limit() {
        return limit;
    }

    /** Takes {@code cost} units if they fit; returns nanos to wait (0 = admitted). */
    long tryTake(long cost, long now) {
        if (cost > limit) {
            return WINDOW_NANOS; // more than a full minute's worth can never fit
        }
        long increment = (long) Math.ceil(cost * nanosPerUnit);
        while (true) {
            long current = theoreticalArrival.get();
            long next = Math.max(current, now) + increment;
            long excess = next - now - WINDOW_NANOS;
            if (excess > 0) {
                return excess;
            }
            if (theoreticalArrival.compareAndSet(current, next)) {
                return 0;
            }
        }
    }

    /** Adds (surcharge) or gives back (refund) units after the fact; may push the bucket into debt. */
    void adjust(long delta, long now) {
        long change = (long) Math.ceil(delta * nanosPerUnit);
        theoreticalArrival.getAndUpdate(current -> Math.max(Math.max(current, now - WINDOW_NANOS) + change,
                now - WINDOW_NANOS));
    }

    /** Units that could be taken right now. */
    long remaining(long now) {
        long used = Math.max(theoreticalArrival.get() - now, 0);
        return Math.max(0, (long) Math.floor((WINDOW_NANOS - used) / nanosPerUnit));
    }

    /** Nanos until the bucket is full again. */
    long untilFull(long now) {
        return Math.max(theoreticalArrival.get() - now, 0);
    }
}
