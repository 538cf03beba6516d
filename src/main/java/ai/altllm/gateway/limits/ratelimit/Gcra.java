package ai.altllm.gateway.limits.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One "N per minute" limit as a generic cell rate algorithm: a single theoretical arrival time (TAT), updated by
 * compare-and-set, so admission is lock-free and O(1). It behaves like a bucket of N that refills continuously over
 * a minute; a cost may be reserved up front and corrected later (refund or surcharge). The static functions are the
 * same arithmetic on a plain TAT, for stores that keep it elsewhere (the cluster).
 */
final class Gcra {

    static final long WINDOW_NANOS = 60_000_000_000L;
    static final long EMPTY = Long.MIN_VALUE / 2;

    private final long limit;
    private final AtomicLong theoreticalArrival = new AtomicLong(EMPTY);

    Gcra(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** Takes {@code cost} units if they fit; returns nanos to wait (0 = admitted). */
    long tryTake(long cost, long now) {
        while (true) {
            long current = theoreticalArrival.get();
            long next = next(current, cost, now, limit);
            if (next < 0) {
                return -next;
            }
            if (theoreticalArrival.compareAndSet(current, next)) {
                return 0;
            }
        }
    }

    /** Adds (surcharge) or gives back (refund) units after the fact; may push the bucket into debt. */
    void adjust(long delta, long now) {
        theoreticalArrival.getAndUpdate(current -> adjusted(current, delta, now, limit));
    }

    long remaining(long now) {
        return remaining(theoreticalArrival.get(), now, limit);
    }

    long untilFull(long now) {
        return untilFull(theoreticalArrival.get(), now);
    }

    /** The TAT after taking {@code cost}, or minus the nanos to wait when it does not fit. */
    static long next(long tat, long cost, long now, long limit) {
        if (cost > limit) {
            return -WINDOW_NANOS; // more than a full minute's worth can never fit
        }
        long next = Math.max(tat, now) + (long) Math.ceil(cost * ((double) WINDOW_NANOS / limit));
        long excess = next - now - WINDOW_NANOS;
        return excess > 0 ? -excess : next;
    }

    static long adjusted(long tat, long delta, long now, long limit) {
        long change = (long) Math.ceil(delta * ((double) WINDOW_NANOS / limit));
        return Math.max(Math.max(tat, now - WINDOW_NANOS) + change, now - WINDOW_NANOS);
    }

    /** Units that could be taken right now. */
    static long remaining(long tat, long now, long limit) {
        long used = Math.max(tat - now, 0);
        return Math.max(0, (long) Math.floor((WINDOW_NANOS - used) / ((double) WINDOW_NANOS / limit)));
    }

    /** Nanos until the bucket is full again. */
    static long untilFull(long tat, long now) {
        return Math.max(tat - now, 0);
    }
}
