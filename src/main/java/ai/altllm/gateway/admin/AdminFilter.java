package ai.altllm.gateway.admin;

import ai.altllm.gateway.keys.Bearer;
import ai.altllm.gateway.web.Routes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Requires the admin key on every route under {@code /admin}; API keys never open the admin API. */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AdminFilter implements ContainerRequestFilter {

    /** Read once: the admin key is part of the deployment, like the configuration file. */
    private final AdminKey adminKey = new AdminKey(System::getenv);

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (Routes.access(resource.getResourceClass(), resource.getResourceMethod()) != Routes.Access.ADMIN) {
            return;
        }
        Response refusal = adminKey.refusal(Bearer.token(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
        if (refusal != null) {
            request.abortWith(refusal);
        }
    }
}
