package ai.altllm.gateway.web;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds a late body's {@code AsyncContext.dispatch()} until the request's first dispatch has left the filters. Payara
 * runs a dispatch at once on another thread, and only suspends the request once its first dispatch has returned: a
 * dispatch made before that (about 1 late body in 7 when headers and body arrive apart) races it, and once in a CI
 * run the request then got nothing until its async timeout, a bare 500. {@link RequestIdFilter}, the outermost filter,
 * says when the first dispatch has left; the dispatch then waits {@link #GRACE_MILLIS} more for the container's own
 * way out.
 */
final class DispatchGate {

    static final String ATTRIBUTE = DispatchGate.class.getName();
    static final long GRACE_MILLIS = 3;
    /** Should the outermost filter never report (another filter order, say), the gate opens by itself then. */
    static final long FALLBACK_MILLIS = 1000;
    /** A gate already open: dispatches run at once (callers without a first dispatch to wait for). */
    static final DispatchGate OPEN = new DispatchGate(null, System.nanoTime() - TimeUnit.SECONDS.toNanos(1));

    private final ScheduledExecutorService timer;
    private long leftAt;
    private boolean left;
    private Runnable pending;
    private ScheduledFuture<?> fallback;

    private DispatchGate(ScheduledExecutorService timer, long leftAt) {
        this.timer = timer;
        this.leftAt = leftAt;
        this.left = timer == null;
    }

    /**
     * A gate that opens when {@link #left()} is called, or {@link #FALLBACK_MILLIS} after a dispatch started waiting
     * (the usual request never waits, and costs no timer).
     */
    static DispatchGate closed(ScheduledExecutorService timer) {
        return new DispatchGate(timer, 0);
    }

    /** Called once the first dispatch has returned through the outermost filter; repeated calls change nothing. */
    void left() {
        Runnable waiting;
        synchronized (this) {
            if (left) {
                return;
            }
            left = true;
            leftAt = System.nanoTime();
            waiting = pending;
            pending = null;
            if (fallback != null) {
                fallback.cancel(false);
            }
        }
        if (waiting != null) {
            later(waiting, TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS));
        }
    }

    /** Runs {@code dispatch} now if the first dispatch is long gone, else once it has left plus the grace. */
    void dispatch(Runnable dispatch) {
        long waitNanos;
        synchronized (this) {
            if (!left) {
                pending = dispatch;
                try {
                    fallback = timer.schedule(this::left, FALLBACK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException undeploying) {
                    // No timer left: the outermost filter's report is the only way the gate opens now.
                }
                return;
            }
            waitNanos = leftAt + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS) - System.nanoTime();
        }
        if (waitNanos > 0) {
            later(dispatch, waitNanos);
        } else {
            dispatch.run();
        }
    }

    private void later(Runnable dispatch, long nanos) {
        try {
            timer.schedule(dispatch, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException undeploying) {
            dispatch.run();
        }
    }
}
