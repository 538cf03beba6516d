package ai.altllm.gateway.routing;

import java.time.Duration;

/**
 * Opens after a run of consecutive failures, refuses calls while open, then lets exactly one probe through
 * (half-open): its success closes the breaker, its failure opens it again. A probe whose outcome is never reported
 * (the client went away) stops blocking after one open period. Times are nanoTime values.
 */
public final class CircuitBreaker {

    /** The three classic states, exposed for metrics. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private int consecutiveFailures;
    private long openedAt;
    private State state = State.CLOSED;
    private boolean probeInFlight;
    private long probeStartedAt;

    public CircuitBreaker(int threshold, Duration open) {
        this.threshold = threshold;
        this.openNanos = open.toNanos();
    }

    /** Whether a call may go to this deployment now; in half-open state only one caller gets {@code true}. */
    public synchronized boolean tryAcquire(long now) {
        if (state == State.OPEN && now - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            probeInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (probeInFlight && now - probeStartedAt < openNanos) {
                return false;
            }
            probeInFlight = true;
            probeStartedAt = now;
            return true;
        }
        return state == State.CLOSED;
    }

    /** Whether a call could be admitted now, without taking the half-open probe slot. */
    public synchronized boolean admits(long now) {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> now - openedAt >= openNanos;
            case HALF_OPEN -> !probeInFlight || now - probeStartedAt >= openNanos;
        };
    }

    /** The call ended with neither verdict (cancelled): frees the probe slot without judging the upstream. */
    public synchronized void onRelease() {
        probeInFlight = false;
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        probeInFlight = false;
        state = State.CLOSED;
    }

    public synchronized void onFailure(long now) {
        consecutiveFailures++;
        probeInFlight = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = now;
        }
    }

    public synchronized State state() {
        return state;
    }
}
