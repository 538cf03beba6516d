package ai.altllm.gateway.limits.admission;

import ai.altllm.gateway.web.Routes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Holds every route without exactly one guard annotation to an API key, as all routes were before the guards, so a
 * forgotten annotation fails closed; JAX-RS's own {@code OPTIONS} answers are such routes too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class UnguardedFilter extends KeyGuard {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (Routes.access(resource.getResourceClass(), resource.getResourceMethod()) == Routes.Access.UNGUARDED) {
            requireKey(request);
        }
    }
}
