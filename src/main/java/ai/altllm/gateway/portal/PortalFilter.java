package ai.altllm.gateway.portal;

import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.web.Session;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards the {@link Session @Session} routes, {@code /portal/api/...}: a signed-in session for everything but
 * signing in, and on every state-changing call the {@code X-AltLLM-Portal} header, which a cross-site form or image
 * cannot send (CSRF defence in depth, on top of the SameSite=Strict cookie).
 */
@Session
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class PortalFilter implements ContainerRequestFilter {

    static final String CSRF_HEADER = "X-AltLLM-Portal";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean reads = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!reads && !"1".equals(request.getHeaderString(CSRF_HEADER))) {
            request.abortWith(ErrorEnvelope.response(ErrorKind.FORBIDDEN.error("csrf_header_missing",
                    "Portal calls that change something must send the header " + CSRF_HEADER + ": 1.")));
            return;
        }
        if (!resource.getResourceMethod().isAnnotationPresent(SignIn.class)
                && PortalSession.of(servletRequest) == null) {
            request.abortWith(ErrorEnvelope.response(ErrorKind.UNAUTHORIZED.error("session_required",
                    "Sign in to the portal first.")));
        }
    }
}
