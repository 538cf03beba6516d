package ai.altllm.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

/** Knows whether the application is shutting down, so readiness can turn unhealthy first. */
@ApplicationScoped
public class Lifecycle implements ReadinessCheck {

    private volatile boolean stopping;

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public String problem() {
        return stopping ? "shutting down" : null;
    }
}
