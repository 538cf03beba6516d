package ai.altllm.gateway.limits.admission;

import ai.altllm.gateway.web.ApiKey;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Requires an API key on every {@link ApiKey @ApiKey} route, publishes the key as the request's
 * {@link ai.altllm.gateway.keys.Caller} and records it in the access record. Decided from the matched resource
 * method alone, never from Host or URL tricks.
 */
@ApiKey
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthFilter extends KeyGuard {

    @Override
    public void filter(ContainerRequestContext request) {
        requireKey(request);
    }
}
