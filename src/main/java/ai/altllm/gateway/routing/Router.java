package ai.altllm.gateway.routing;

import ai.altllm.gateway.config.Deployment;
import ai.altllm.gateway.config.ModelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Plans where a request goes: a first deployment drawn by weight among those whose circuit allows it, and at most one
 * other to fail over to. Deployments with weight 0 only ever serve as that fallback.
 */
@ApplicationScoped
public class Router {

    /** The first choice and the one failover; more attempts would multiply load on a struggling provider. */
    static final int MAX_ATTEMPTS = 2;

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final DoubleSupplier random;

    public Router() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    Router(DoubleSupplier random) {
        this.random = random;
    }

    public CircuitBreaker breaker(ModelConfig model, Deployment deployment) {
        return breakers.computeIfAbsent(model.id() + "\n" + deployment.provider() + "\n" + deployment.upstreamModel(),
                key -> new CircuitBreaker(System::nanoTime));
    }

    /** The deployments to try, in order; never empty while the model has a usable deployment. */
    public List<Deployment> plan(ModelConfig model, List<Deployment> usable) {
        if (usable.size() <= 1) {
            return usable;
        }
        List<Deployment> open = new ArrayList<>();
        List<Deployment> candidates = new ArrayList<>();
        for (Deployment d : usable) {
            (breaker(model, d).allows() ? candidates : open).add(d);
        }
        List<Deployment> plan = new ArrayList<>(MAX_ATTEMPTS);
        while (plan.size() < MAX_ATTEMPTS && !candidates.isEmpty()) {
            plan.add(candidates.remove(draw(candidates)));
        }
        // With every circuit open, still try rather than refuse: one of them may have recovered.
        while (plan.size() < MAX_ATTEMPTS && !open.isEmpty()) {
            plan.add(open.remove(0));
        }
        return plan;
    }

    private int draw(List<Deployment> candidates) {
        long total = candidates.stream().mapToLong(Deployment::weight).sum();
        if (total == 0) {
            return 0;
        }
        double point = random.getAsDouble() * total;
        for (int i = 0; i < candidates.size(); i++) {
            point -= candidates.get(i).weight();
            if (point < 0) {
                return i;
            }
        }
        return candidates.size() - 1;
    }
}
