package ai.altllm.gateway.limits.admission;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.limits.cluster.SharedState;
import ai.altllm.gateway.limits.ratelimit.LimitPolicy;
import ai.altllm.gateway.limits.ratelimit.RateLimitHeaders;
import ai.altllm.gateway.web.ServletResponses;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

/**
 * Admits each request made with an API key, after authentication and before the resource, unless the resource is
 * {@link SelfAdmitted}. Global rather than bound to {@code @ApiKey}: its response half puts the rate-limit headers on
 * every authenticated answer that has none yet, including refusals that never reach a resource method.
 */
@Priority(Priorities.AUTHENTICATION + 500)
@ApplicationScoped
public class AdmissionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The ticket of an admitted request that no resource took over: settled when the response is ready. */
    private static final String UNCLAIMED = AdmissionFilter.class.getName() + ".ticket";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpServletResponse servletResponse;

    @Inject
    Caller caller;

    @Inject
    Gatekeeper gatekeeper;

    @Inject
    LimitPolicy policy;

    @Inject
    SharedState shared;

    @Override
    public void filter(ContainerRequestContext request) {
        // Only API-key routes authenticate a caller; a resource that admits its own requests is left alone.
        ApiKey key = caller.keyOrNull();
        if (key == null || resource.getResourceClass().isAnnotationPresent(SelfAdmitted.class)) {
            return;
        }
        HttpServletResponse direct = ServletResponses.of(request);
        try {
            request.setProperty(UNCLAIMED, gatekeeper.admit(key, null, servletRequest,
                    direct != null ? direct : servletResponse));
        } catch (ApiException refused) {
            request.abortWith(ErrorEnvelope.response(refused));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(UNCLAIMED) instanceof Ticket ticket) {
            ticket.settle(0, BigDecimal.ZERO);
        }
        if (request.getProperty(Gatekeeper.HEADERS_WRITTEN) != null
                || response.getHeaders().containsKey("x-ratelimit-limit-requests")
                || response.getStatus() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            return;
        }
        try {
            ApiKey key = caller.keyOrNull();
            if (key != null) {
                LimitPolicy.Bucket bucket = policy.bucket(key, null);
                RateLimitHeaders.write(shared.limits().peek(bucket.id(), bucket.limits()), System.currentTimeMillis(),
                        response.getHeaders()::putSingle);
            }
        } catch (ContextNotActiveException e) {
            // An asynchronous answer outside the request's context: nothing authenticated to describe.
        }
    }
}
