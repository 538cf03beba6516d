package ai.altllm.gateway.admin;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.keys.AdminKey;
import ai.altllm.gateway.keys.Bearer;
import ai.altllm.gateway.throttle.AuthThrottle;
import ai.altllm.gateway.throttle.ClientAddress;
import ai.altllm.gateway.web.Admin;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Requires the admin key on every {@link Admin @Admin} route, which is every route under {@code /admin}; API keys
 * never open the admin API. Wrong keys are throttled per client address by {@link AuthThrottle}.
 */
@Admin
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AdminFilter implements ContainerRequestFilter {

    /** Read once: the admin key is part of the deployment, like the configuration file. */
    private final AdminKey adminKey = AdminKey.fromEnvironment();

    @Context
    HttpServletRequest servletRequest;

    @Inject
    AuthThrottle throttle;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = Bearer.token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Response refusal = adminKey.refusal(token);
        if (refusal == null) {
            return;
        }
        // Only a presented key is a guess; the right key is never throttled, so the operator cannot be locked out.
        if (token != null && adminKey.isEnabled()) {
            String address = ClientAddress.of(servletRequest.getRemoteAddr());
            try (AuthThrottle.Attempt attempt = throttle.begin(address, null)) {
                attempt.failed();
            } catch (ApiException tooMany) {
                refusal = ErrorEnvelope.response(tooMany);
            }
        }
        request.abortWith(refusal);
    }
}
