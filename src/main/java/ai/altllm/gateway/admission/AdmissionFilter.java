package ai.altllm.gateway.admission;

import ai.altllm.gateway.cluster.SharedState;
import ai.altllm.gateway.credits.Credits;
import ai.altllm.gateway.credits.Reservation;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.metrics.Metrics;
import ai.altllm.gateway.ratelimit.Admission;
import ai.altllm.gateway.ratelimit.LimitPolicy;
import ai.altllm.gateway.ratelimit.RateLimitHeaders;
import ai.altllm.gateway.web.RequestIds;
import ai.altllm.gateway.web.ServletResponses;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

/**
 * Admits each request made with an API key, after authentication and before the resource (so before any upstream
 * call): rate limits first (429), then credits for requests that use a model (402). Admitted requests get the
 * rate-limit headers written straight to the servlet response, because a stream's status and headers are committed
 * when its resource method returns; any other authenticated response gets them from the response filter.
 */
@Priority(Priorities.AUTHENTICATION + 500)
@ApplicationScoped
public class AdmissionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The ticket of an admitted request that no resource took over: settled when the response is ready. */
    private static final String UNCLAIMED = AdmissionFilter.class.getName() + ".ticket";
    private static final String WRITTEN = AdmissionFilter.class.getName() + ".written";

    @Context
    HttpServletResponse servletResponse;

    @Inject
    Caller caller;

    @Inject
    LimitPolicy policy;

    @Inject
    SharedState shared;

    @Inject
    Credits credits;

    @Inject
    Metrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        ApiKey key = caller.keyOrNull();
        if (key == null) {
            return;
        }
        Metered metered = request.getProperty(Metered.PROPERTY) instanceof Metered m ? m : null;
        long tokens = metered == null ? 0 : metered.reservedTokens();
        LimitPolicy.Bucket bucket = policy.bucket(key, metered == null ? null : metered.model());
        Admission admission = shared.limits().admit(bucket.id(), bucket.limits(), tokens);
        long now = System.currentTimeMillis();
        if (!admission.admitted()) {
            metrics.refused(Metrics.RATE_LIMIT);
            ApiException refusal = RateLimitRefusal.of(admission, tokens);
            RateLimitHeaders.write(admission, now, refusal::withHeader);
            request.abortWith(ErrorEnvelope.response(refusal));
            return;
        }
        Reservation reservation = null;
        if (metered != null) {
            try {
                reservation = credits.reserve(key.accountId(), key.id(), metered.maxCost(),
                        RequestIds.of(request));
            } catch (ApiException refused) {
                if (refused.status() == 402) {
                    metrics.refused(Metrics.CREDITS);
                }
                shared.limits().settle(bucket.id(), tokens, 0);
                RateLimitHeaders.write(admission, now, refused::withHeader);
                request.abortWith(ErrorEnvelope.response(refused));
                return;
            }
        }
        Ticket ticket = new Ticket(shared.limits(), bucket.id(), tokens, credits, reservation);
        // Added, not set: nothing has written these names yet, and setting searches the headers for each one.
        HttpServletResponse direct = ServletResponses.of(request);
        RateLimitHeaders.write(admission, now, (direct != null ? direct : servletResponse)::addHeader);
        request.setProperty(WRITTEN, Boolean.TRUE);
        if (metered != null) {
            metered.admitted(ticket);
        } else {
            request.setProperty(UNCLAIMED, ticket);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(UNCLAIMED) instanceof Ticket ticket) {
            ticket.settle(0, BigDecimal.ZERO);
        }
        if (request.getProperty(WRITTEN) != null || response.getHeaders().containsKey("x-ratelimit-limit-requests")
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
