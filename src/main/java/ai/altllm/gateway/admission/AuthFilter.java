package ai.altllm.gateway.admission;

import ai.altllm.gateway.accesslog.AccessRecord;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.keys.KeyCheck;
import ai.altllm.gateway.web.Routes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Requires an API key on every route that is neither {@code @Public} nor under {@code /admin}, publishes the key as
 * the request's {@link ai.altllm.gateway.keys.Caller} and records it in the access record. Decided from the matched
 * resource method alone, never from Host or URL tricks.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    KeyCheck keys;

    @Override
    public void filter(ContainerRequestContext request) {
        if (Routes.access(resource.getResourceClass(), resource.getResourceMethod()) != Routes.Access.API_KEY) {
            return;
        }
        try {
            ApiKey key = keys.authenticate(servletRequest);
            AccessRecord.of(servletRequest).caller(key.id(), key.accountId());
        } catch (WebApplicationException refused) {
            request.abortWith(refused.getResponse());
        }
    }
}
