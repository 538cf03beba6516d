package ai.altllm.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.Deployment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Deployment a = new Deployment("p1", "m", 3);
    private final Deployment b = new Deployment("p2", "m", 1);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Router router = new Router(3, Duration.ofSeconds(10), new SplittableRandom(42), now::get);

    @Test
    void weightsShareTheFirstChoiceAndTheOtherIsTheFallback() {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            List<Deployment> plan = router.plan(List.of(a, b));
            assertEquals(2, plan.size());
            assertFalse(plan.get(0).equals(plan.get(1)), "failover goes to a different deployment");
            first.merge(plan.get(0).provider(), 1, Integer::sum);
        }
        double shareOfA = first.get("p1") / 40_000.0;
        assertTrue(Math.abs(shareOfA - 0.75) < 0.02, "weight 3:1 gives about 75%, got " + shareOfA);
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresAndTrafficMovesAway() {
        for (int i = 0; i < 3; i++) {
            router.failed(a);
        }
        assertEquals(CircuitBreaker.State.OPEN, router.state(a));
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of(b), router.plan(List.of(a, b)));
        }
    }

    @Test
    void aSuccessResetsTheRunOfFailures() {
        router.failed(a);
        router.failed(a);
        router.succeeded(a);
        router.failed(a);
        assertEquals(CircuitBreaker.State.CLOSED, router.state(a));
    }

    @Test
    void halfOpenLetsExactlyOneProbeThrough() {
        for (int i = 0; i < 3; i++) {
            router.failed(a);
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(List.of(a), router.plan(List.of(a)), "the breaker admits a probe");
        assertTrue(router.tryStart(a), "the probe");
        assertEquals(List.of(), router.plan(List.of(a)), "no second caller while the probe runs");
        assertFalse(router.tryStart(a));
        router.failed(a);
        assertEquals(CircuitBreaker.State.OPEN, router.state(a), "a failed probe opens again");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(router.tryStart(a));
        router.succeeded(a);
        assertEquals(CircuitBreaker.State.CLOSED, router.state(a));
        assertEquals(List.of(a), router.plan(List.of(a)));
    }

    @Test
    void planningAloneNeverTakesTheProbeSlot() {
        for (int i = 0; i < 3; i++) {
            router.failed(b);
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        for (int i = 0; i < 10; i++) {
            router.plan(List.of(a, b));
        }
        assertTrue(router.tryStart(b), "b was only planned as a fallback, its probe slot is still free");
    }

    @Test
    void aProbeThatNeverReportsStopsBlockingAfterOneOpenPeriod() {
        for (int i = 0; i < 3; i++) {
            router.failed(a);
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(router.tryStart(a));
        assertFalse(router.tryStart(a));
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(router.tryStart(a), "a lost probe must not block the deployment forever");
        router.released(a);
        assertTrue(router.tryStart(a));
    }

    @Test
    void everythingOpenMeansAnEmptyPlan() {
        for (int i = 0; i < 3; i++) {
            router.failed(a);
            router.failed(b);
        }
        assertEquals(List.of(), router.plan(List.of(a, b)));
    }
}
