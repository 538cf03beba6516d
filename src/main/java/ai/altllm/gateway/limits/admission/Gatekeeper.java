package ai.altllm.gateway.limits.admission;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.limits.cluster.SharedState;
import ai.altllm.gateway.limits.credits.Credits;
import ai.altllm.gateway.limits.credits.Reservation;
import ai.altllm.gateway.limits.ratelimit.Admission;
import ai.altllm.gateway.limits.ratelimit.LimitPolicy;
import ai.altllm.gateway.limits.ratelimit.RateLimitHeaders;
import ai.altllm.gateway.metrics.Metrics;
import ai.altllm.gateway.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Lets a request start or refuses it, before any upstream call: its key's rate limits (429), then credits (402). */
@ApplicationScoped
public class Gatekeeper {

    /** Request attribute set once the rate-limit headers are on the response, so no filter writes them again. */
    static final String HEADERS_WRITTEN = Gatekeeper.class.getName() + ".written";

    @Inject
    LimitPolicy policy;

    @Inject
    SharedState shared;

    @Inject
    Credits credits;

    @Inject
    Metrics metrics;

    /**
     * Admits the request and adds the rate-limit headers to the response at once (a stream commits its headers when
     * its resource method returns), or throws the refusal with those headers.
     *
     * @param meter what the request will use, or null for a request that calls no model
     * @return what the request holds until it settles, exactly once
     */
    public Ticket admit(ApiKey key, Meter meter, HttpServletRequest request, HttpServletResponse response) {
        long tokens = meter == null ? 0 : meter.reservedTokens();
        LimitPolicy.Bucket bucket = policy.bucket(key, meter == null ? null : meter.model());
        Admission admission = shared.limits().admit(bucket.id(), bucket.limits(), tokens);
        long now = System.currentTimeMillis();
        if (!admission.admitted()) {
            metrics.refused(Metrics.RATE_LIMIT);
            ApiException refusal = RateLimitRefusal.of(admission, tokens);
            RateLimitHeaders.write(admission, now, refusal::withHeader);
            throw refusal;
        }
        Reservation reservation = null;
        if (meter != null) {
            try {
                reservation = credits.reserve(key.accountId(), key.id(), meter.maxCost(), RequestIds.of(request));
            } catch (ApiException refused) {
                if (refused.status() == 402) {
                    metrics.refused(Metrics.CREDITS);
                }
                shared.limits().settle(bucket.id(), tokens, 0);
                RateLimitHeaders.write(admission, now, refused::withHeader);
                throw refused;
            }
        }
        // Added, not set: nothing has written these names yet, and setting searches the headers for each one.
        RateLimitHeaders.write(admission, now, response::addHeader);
        request.setAttribute(HEADERS_WRITTEN, Boolean.TRUE);
        return new Ticket(shared.limits(), bucket.id(), tokens, credits, reservation);
    }
}
