package ai.altllm.gateway.health;

import ai.altllm.gateway.db.ReadinessCheck;
import ai.altllm.gateway.shutdown.Drain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Knows whether the application is shutting down, so readiness turns unhealthy the moment draining starts. */
@ApplicationScoped
public class Lifecycle implements ReadinessCheck {

    @Inject
    Drain drain;

    private volatile boolean stopping;

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping || drain.isDraining();
    }

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public String problem() {
        return isStopping() ? "shutting down" : null;
    }
}
