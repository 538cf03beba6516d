package ai.altllm.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A late body's dispatch waits until the first dispatch has left the filters, plus the grace; never runs twice. */
class DispatchGateTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicLong ranAt = new AtomicLong();
    private final CountDownLatch ran = new CountDownLatch(1);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private void dispatch() {
        ranAt.set(System.nanoTime());
        runs.incrementAndGet();
        ran.countDown();
    }

    @Test
    void aBodyCompleteBeforeTheFirstDispatchLeftIsDispatchedOnlyAfterItLeftAndTheGrace() throws Exception {
        DispatchGate gate = DispatchGate.closed(timer);
        gate.dispatch(this::dispatch);
        Thread.sleep(50);
        assertEquals(0, runs.get(), "the first dispatch is still in the filters");
        long left = System.nanoTime();
        gate.left();
        gate.left();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(ranAt.get() - left >= TimeUnit.MILLISECONDS.toNanos(DispatchGate.GRACE_MILLIS),
                "ran " + (ranAt.get() - left) + " ns after the first dispatch left");
        Thread.sleep(50);
        assertEquals(1, runs.get());
    }

    @Test
    void aBodyCompleteRightAfterTheFirstDispatchLeftWaitsOutTheGrace() throws Exception {
        DispatchGate gate = DispatchGate.closed(timer);
        long left = System.nanoTime();
        gate.left();
        gate.dispatch(this::dispatch);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(ranAt.get() - left >= TimeUnit.MILLISECONDS.toNanos(DispatchGate.GRACE_MILLIS));
        assertEquals(1, runs.get());
    }

    @Test
    void aBodyCompleteLongAfterIsDispatchedAtOnceOnTheCallersThread() throws Exception {
        DispatchGate gate = DispatchGate.closed(timer);
        gate.left();
        Thread.sleep(DispatchGate.GRACE_MILLIS * 10);
        gate.dispatch(this::dispatch);
        assertEquals(1, runs.get(), "no timer involved");
        DispatchGate.OPEN.dispatch(this::dispatch);
        assertEquals(2, runs.get());
    }

    @Test
    void aGateNobodyReportsToOpensByItselfAfterTheFallback() throws Exception {
        DispatchGate gate = DispatchGate.closed(timer);
        // Timed from before the dispatch: the fallback counts from when it started waiting.
        long start = System.nanoTime();
        gate.dispatch(this::dispatch);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(ranAt.get() - start >= TimeUnit.MILLISECONDS.toNanos(DispatchGate.FALLBACK_MILLIS),
                "ran " + (ranAt.get() - start) / 1_000_000 + " ms after");
        assertEquals(1, runs.get());
    }
}
