package ai.altllm.gateway.web;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.GatewayConfig;
import ai.altllm.gateway.keys.Authenticator;
import ai.altllm.gateway.keys.Bearer;
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

    private final transient BodyBudget budget = new BodyBudget();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            chain.doFilter(request.getAttribute(ATTRIBUTE) instanceof byte[] body
                    ? new BufferedRequest(request, body) : request, response);
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
        BodyReader reader = new BodyReader(async, in, request.getContentLengthLong(), limits, budget);
        async.addListener(reader);
        in.setReadListener(reader);
    }

    private static boolean hasBody(HttpServletRequest request) {
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
