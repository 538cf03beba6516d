package ai.altllm.gateway.keys;

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
 * Requires an API key on every route that is neither {@code @Public} nor under {@code /admin}, and publishes the key
 * as the request's {@link Caller}. Decided from the matched resource method alone, never from Host or URL tricks.
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
            keys.authenticate(servletRequest);
        } catch (WebApplicationException refused) {
            request.abortWith(refused.getResponse());
        }
    }
}
