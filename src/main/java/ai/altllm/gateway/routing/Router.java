package ai.altllm.gateway.routing;

import ai.altllm.gateway.config.Deployment;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Plans the attempts for one call: a weighted choice among the deployments whose breaker admits traffic, then at
 * most one more (a different deployment) for failover. An empty plan means every deployment is cooling down.
 * Planning takes nothing: the caller calls {@link #tryStart} just before it really sends to a deployment, so an
 * unused fallback never holds a half-open probe slot. One per application, so every request sees the same breakers.
 */
@ApplicationScoped
public class Router {

    public static final int MAX_ATTEMPTS = 2;

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final int threshold;
    private final Duration open;
    private final RandomGenerator random;
    private final LongSupplier clock;

    /** Three failures in a row open a deployment's breaker for 30 s. */
    public Router() {
        this(3, Duration.ofSeconds(30), new Random(), System::nanoTime);
    }

    public Router(int threshold, Duration open, RandomGenerator random, LongSupplier nanoClock) {
        this.threshold = threshold;
        this.open = open;
        this.random = random;
        this.clock = nanoClock;
    }

    public List<Deployment> plan(List<Deployment> deployments) {
        List<Deployment> candidates = new ArrayList<>(deployments);
        List<Deployment> plan = new ArrayList<>(MAX_ATTEMPTS);
        long now = clock.getAsLong();
        while (plan.size() < MAX_ATTEMPTS && !candidates.isEmpty()) {
            Deployment pick = weighted(candidates);
            candidates.remove(pick);
            if (breaker(pick).admits(now)) {
                plan.add(pick);
            }
        }
        return plan;
    }

    /** Claims the right to call this deployment now; {@code false} means skip it (another probe is running). */
    public boolean tryStart(Deployment deployment) {
        return breaker(deployment).tryAcquire(clock.getAsLong());
    }

    /** The call was cancelled before a verdict: neither a success nor a failure of the upstream. */
    public void released(Deployment deployment) {
        breaker(deployment).onRelease();
    }

    public void succeeded(Deployment deployment) {
        breaker(deployment).onSuccess();
    }

    public void failed(Deployment deployment) {
        breaker(deployment).onFailure(clock.getAsLong());
    }

    public CircuitBreaker.State state(Deployment deployment) {
        return breaker(deployment).state();
    }

    /** Each deployment called so far, by {@link Deployment#name()}, with its breaker's state now. */
    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new TreeMap<>();
        breakers.forEach((name, breaker) -> states.put(name, breaker.state()));
        return states;
    }

    private CircuitBreaker breaker(Deployment deployment) {
        return breakers.computeIfAbsent(deployment.name(), name -> new CircuitBreaker(threshold, open));
    }

    private Deployment weighted(List<Deployment> candidates) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        int total = candidates.stream().mapToInt(Deployment::weight).sum();
        int roll = random.nextInt(total);
        for (Deployment d : candidates) {
            roll -= d.weight();
            if (roll < 0) {
                return d;
            }
        }
        throw new IllegalStateException("unreachable: roll below the total weight");
    }
}
