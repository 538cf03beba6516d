package ai.altllm.gateway.limits.admission;

import ai.altllm.gateway.accesslog.AccessRecord;
import ai.altllm.gateway.keys.KeyCheck;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;

/** The API-key check of {@link AuthFilter} and {@link UnguardedFilter}, which differ only in the routes they see. */
abstract class KeyGuard implements ContainerRequestFilter {

    @Context
    HttpServletRequest servletRequest;

    @Inject
    KeyCheck keys;

    /** Authenticates the request's key into its caller and access record, or aborts the request with the 401. */
    void requireKey(ContainerRequestContext request) {
        try {
            var key = keys.authenticate(servletRequest);
            AccessRecord.of(servletRequest).caller(key.id(), key.accountId());
        } catch (WebApplicationException refused) {
            request.abortWith(refused.getResponse());
        }
    }
}
