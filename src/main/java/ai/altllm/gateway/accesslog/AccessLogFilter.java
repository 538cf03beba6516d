package ai.altllm.gateway.accesslog;

import ai.altllm.gateway.metrics.Metrics;
import ai.altllm.gateway.web.Completion;
import ai.altllm.gateway.web.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Opens an {@link AccessRecord} for every request and, once the request has ended, counts it in {@link Metrics}
 * and hands its line to the {@link AccessLog}. Runs after the request-id filter (see web.xml).
 */
@WebFilter(filterName = "accessLog", urlPatterns = "/*", asyncSupported = true)
public class AccessLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Metrics metrics;

    @Inject
    transient AccessLog accessLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String inApp = request.getRequestURI().substring(request.getContextPath().length());
        boolean probe = "GET".equals(request.getMethod()) && (inApp.equals("/health") || inApp.startsWith("/health/"));
        AccessRecord record = new AccessRecord(RequestIds.of(request), request.getMethod(),
                request.getRequestURI(), probe, this::finish);
        request.setAttribute(AccessRecord.ATTRIBUTE, record);
        accessLog.opened();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (failed) {
                record.ended(500);
            } else {
                Completion.whenDone(request, () -> record.ended(response.getStatus()));
            }
        }
    }

    private void finish(AccessRecord record) {
        metrics.http(record.status);
        if (record.chat) {
            metrics.chat(record.model, record.status, record.usage);
        }
        accessLog.add(record);
    }
}
