package ai.altllm.gateway.shutdown;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.web.Completion;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Counts requests in flight for {@link Drain}, and while it drains answers new ones with 503 and
 * {@code Retry-After}, so a load balancer moves them elsewhere. Health and metrics still answer while draining.
 */
@WebFilter(filterName = "drain", urlPatterns = "/*", asyncSupported = true)
public class DrainFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final byte[] REFUSAL = ErrorEnvelope.of(Drain.SHUTTING_DOWN).toString()
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    transient Drain drain;

    @Inject
    transient Configuration configuration;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/health") || path.equals("/metrics")) {
            chain.doFilter(request, response);
            return;
        }
        if (drain.isDraining()) {
            response.setStatus(503);
            response.setHeader("Retry-After", Integer.toString(configuration.get().operations().retryAfterSeconds()));
            response.setHeader("Connection", "close");
            response.setContentType("application/json");
            response.setContentLength(REFUSAL.length);
            response.getOutputStream().write(REFUSAL);
            return;
        }
        drain.requestStarted();
        boolean handedOver = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted() && path.startsWith("/v1/chat/")) {
                // Chat answers register with the drain themselves (InFlight) and leave it when their relay ends. The
                // container may never complete the async context of a stream whose client vanished, so waiting for
                // that would hold every shutdown for the whole grace period.
                drain.requestEnded();
            } else {
                Completion.whenDone(request, drain::requestEnded);
            }
            handedOver = true;
        } finally {
            if (!handedOver) {
                drain.requestEnded();
            }
        }
    }
}
