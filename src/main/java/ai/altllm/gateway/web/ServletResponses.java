package ai.altllm.gateway.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The container's response object, published as a request attribute by {@link RequestIdFilter}, for JAX-RS filters
 * that must write headers before a stream commits. A singleton's injected {@code @Context HttpServletResponse} is a
 * proxy that resolves the current request on every call; this reaches the response itself.
 */
public final class ServletResponses {

    static final String ATTRIBUTE = "ai.altllm.servletResponse";

    private ServletResponses() {
    }

    /** The response of the request; null only outside the servlet filters (then use the injected proxy). */
    public static HttpServletResponse of(ContainerRequestContext request) {
        return request.getProperty(ATTRIBUTE) instanceof HttpServletResponse response ? response : null;
    }

    /** The same, from the servlet request. */
    public static HttpServletResponse of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof HttpServletResponse response ? response : null;
    }
}
