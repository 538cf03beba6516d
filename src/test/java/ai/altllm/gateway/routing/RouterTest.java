package ai.altllm.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.Deployment;
import ai.altllm.gateway.config.ModelConfig;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Deployment A = new Deployment("a", "model-a", 3);
    private static final Deployment B = new Deployment("b", "model-b", 1);
    private static final Deployment SPARE = new Deployment("c", "model-c", 0);
    private static final ModelConfig MODEL = new ModelConfig("m", "a", "model-a", Set.of(),
            JsonValue.EMPTY_JSON_OBJECT, List.of(A, B, SPARE));

    @Test
    void drawsByWeightAndPlansExactlyOneFailover() {
        assertEquals(List.of(A, B), new Router(() -> 0.0).plan(MODEL, MODEL.deployments()));
        assertEquals(List.of(A, B), new Router(() -> 0.74).plan(MODEL, MODEL.deployments()));
        assertEquals(List.of(B, A), new Router(() -> 0.76).plan(MODEL, MODEL.deployments()));
    }

    @Test
    void weightZeroIsOnlyAFallback() {
        assertEquals(List.of(A, SPARE), new Router(() -> 0.1).plan(MODEL, List.of(A, SPARE)));
        assertEquals(List.of(SPARE), new Router(() -> 0.1).plan(MODEL, List.of(SPARE)));
    }

    @Test
    void openCircuitsAreSkippedWhileOthersRemain() {
        Router router = new Router(() -> 0.0);
        for (int i = 0; i < CircuitBreaker.FAILURES_TO_OPEN; i++) {
            router.breaker(MODEL, A).failure();
        }
        assertEquals(List.of(B, SPARE), router.plan(MODEL, MODEL.deployments()));
        assertEquals(List.of(A), router.plan(MODEL, List.of(A)), "a lone deployment is tried even when open");
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresAndLetsOneProbeThroughAfterTheCoolDown() {
        AtomicLong now = new AtomicLong(1_000);
        CircuitBreaker breaker = new CircuitBreaker(now::get);
        breaker.failure();
        breaker.failure();
        breaker.success();
        breaker.failure();
        breaker.failure();
        assertTrue(breaker.allows(), "successes reset the count");
        breaker.failure();
        assertFalse(breaker.allows());
        now.addAndGet(CircuitBreaker.COOL_DOWN_NANOS);
        assertTrue(breaker.allows(), "one probe after the cool-down");
        assertFalse(breaker.allows(), "only one");
        breaker.success();
        assertTrue(breaker.allows());
        assertFalse(breaker.isOpen());
    }
}
