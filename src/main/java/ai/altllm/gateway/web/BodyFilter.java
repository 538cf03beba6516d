package ai.altllm.gateway.web;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.GatewayConfig;
import ai.altllm.gateway.keys.Authenticator;
import ai.altllm.gateway.keys.Bearer;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Reads request bodies without holding a worker thread: a client trickling its body byte by byte costs a little
 * memory (bounded by {@code limits.body_buffer_bytes}) and no thread, and is cut off with 408 at
 * {@code limits.body_timeout_seconds}. The resource then reads the body from memory.
 */
@WebFilter(filterName = "body", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class BodyFilter extends HttpFilter {

    static final String ATTRIBUTE = "altllm.body";
    private static final long serialVersionUID = 1L;

    @Inject
    transient Configuration configuration;

    @Inject
    transient Authenticator authenticator;

    @Inject
    transient Instance<RequestContextController> controllers;

    private final transient BodyBudget budget = new BodyBudget();
    /** Runs late bodies' held dispatches ({@link DispatchGate}); one thread, each task only dispatches. */
    private transient ScheduledThreadPoolExecutor gates;

    @Override
    public void init() {
        gates = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "altllm-body-dispatch");
            thread.setDaemon(true);
            return thread;
        });
        gates.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void destroy() {
        gates.shutdownNow();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            if (request.getAttribute(ATTRIBUTE) instanceof byte[] body) {
                dispatched(new BufferedRequest(request, body, null), response, chain);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (!hasBody(request) || !worthReading(request)) {
            chain.doFilter(request, response);
            return;
        }
        GatewayConfig config = configuration.get();
        BodyReader.Limits limits = new BodyReader.Limits(config.maxRequestBytes(), config.bodyBufferBytes(),
                config.bodyTimeoutMillis());
        AsyncContext async = request.startAsync();
        async.setTimeout(limits.timeoutMillis());
        ServletInputStream in = request.getInputStream();
        DispatchGate gate = DispatchGate.closed(gates);
        request.setAttribute(DispatchGate.ATTRIBUTE, gate);
        BodyReader reader = new BodyReader(async, in, request.getContentLengthLong(), limits, budget, gate);
        async.addListener(reader);
        in.setReadListener(reader);
        byte[] ready = reader.leaveFilter();
        if (ready != null) {
            BufferedRequest whole = new BufferedRequest(request, ready, async);
            try {
                chain.doFilter(whole, response);
            } finally {
                if (!whole.suspended()) {
                    async.complete();
                }
            }
        }
    }

    /**
     * The request again, body in memory. Servers need not start CDI's request context for an async dispatch (Payara
     * does not), and the resources rely on it: start one for the dispatch unless the server already did.
     */
    private void dispatched(BufferedRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestContextController controller = controllers.get();
        boolean activated = controller.activate();
        try {
            chain.doFilter(request, response);
        } finally {
            if (activated) {
                controller.deactivate();
            }
            controllers.destroy(controller);
        }
    }

    /**
     * Whether to read the body here. Not over HTTP/2 (h2c), nor on the HTTP/1.1 request that asks to upgrade to it:
     * Payara Micro 6.2025.10's HTTP/2 layer fails async body reads (Grizzly NPEs on the stream, truncated bodies), so
     * those are read by the resource, blocking, as before.
     */
    private static boolean hasBody(HttpServletRequest request) {
        if (!request.getProtocol().startsWith("HTTP/1") || request.getHeader("Upgrade") != null) {
            return false;
        }
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return false;
        }
        String encoding = request.getHeader("Transfer-Encoding");
        return request.getContentLengthLong() > 0 || encoding != null && encoding.toLowerCase().contains("chunked");
    }

    /**
     * An API request without a valid key is refused before its body is read (the resource does not read it), so
     * only known callers' bodies take memory here.
     */
    private boolean worthReading(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/v1/")
                || authenticator.authenticate(Bearer.token(request.getHeader("Authorization"))).isPresent();
    }
}
