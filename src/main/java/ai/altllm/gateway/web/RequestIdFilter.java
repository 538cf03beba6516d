package ai.altllm.gateway.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Gives every request an id, echoed as {@code X-Request-Id} on every response, errors included. */
@WebFilter(filterName = "requestId", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(RequestIds.ATTRIBUTE) == null) {
            String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
            request.setAttribute(RequestIds.ATTRIBUTE, id);
            response.setHeader(RequestIds.HEADER, id);
        } else if (!response.containsHeader(RequestIds.HEADER)) {
            response.setHeader(RequestIds.HEADER, RequestIds.of(request));
        }
        request.setAttribute(ServletResponses.ATTRIBUTE, response);
        try {
            chain.doFilter(request, response);
        } finally {
            // The outermost filter: a body still arriving may now be dispatched once the container is done too.
            if (request.getAttribute(DispatchGate.ATTRIBUTE) instanceof DispatchGate gate) {
                gate.left();
            }
        }
    }
}
