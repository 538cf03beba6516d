package ai.altllm.gateway.web;

import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects one request body as the container hands it over, then dispatches the request on with the body in memory;
 * or answers 413 (too large), 408 (not all there by the deadline) or 503 (every body together over the budget).
 */
final class BodyReader implements ReadListener, AsyncListener {

    /** Bytes read and dropped past the limit, so the client gets to read its 413 instead of a reset. */
    static final long DRAIN_BYTES = 16L * 1024 * 1024;

    private final AsyncContext async;
    private final ServletInputStream in;
    private final Limits limits;
    private final BodyBudget budget;
    private final DispatchGate gate;
    private final ByteArrayOutputStream body;
    private final byte[] buffer = new byte[8192];
    private final AtomicBoolean done = new AtomicBoolean();
    private boolean tooLarge;
    private boolean inFilter = true;
    private byte[] ready;
    private long held;
    private long dropped;

    /**
     * @param maxBytes the largest body accepted
     * @param bufferBytes what all bodies still arriving may hold together
     * @param timeoutMillis how long the whole body may take to arrive
     */
    record Limits(long maxBytes, long bufferBytes, long timeoutMillis) {
    }

    BodyReader(AsyncContext async, ServletInputStream in, long declaredLength, Limits limits, BodyBudget budget) {
        this(async, in, declaredLength, limits, budget, DispatchGate.OPEN);
    }

    /** @param gate when a body completed after the filter returned may be dispatched */
    BodyReader(AsyncContext async, ServletInputStream in, long declaredLength, Limits limits, BodyBudget budget,
            DispatchGate gate) {
        this.gate = gate;
        this.async = async;
        this.in = in;
        this.limits = limits;
        this.budget = budget;
        this.tooLarge = declaredLength > limits.maxBytes();
        this.body = new ByteArrayOutputStream(tooLarge ? 0 : (int) Math.min(Math.max(declaredLength, 256), 65536));
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done.get() && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            take(n);
        }
    }

    private void take(int n) {
        if (tooLarge) {
            dropped += n;
            if (dropped > DRAIN_BYTES) {
                refuse(413, tooLargeMessage());
            }
            return;
        }
        if (body.size() + (long) n > limits.maxBytes()) {
            tooLarge = true;
            dropped = n;
            return;
        }
        if (!budget.take(n, limits.bufferBytes())) {
            refuse(503, "The gateway is receiving too many request bodies at once; retry shortly");
            return;
        }
        held += n;
        body.write(buffer, 0, n);
    }

    @Override
    public void onAllDataRead() {
        if (tooLarge) {
            refuse(413, tooLargeMessage());
        } else if (done.compareAndSet(false, true)) {
            budget.give(held);
            synchronized (this) {
                if (inFilter) {
                    ready = body.toByteArray();
                    return;
                }
            }
            async.getRequest().setAttribute(BodyFilter.ATTRIBUTE, body.toByteArray());
            gate.dispatch(async::dispatch);
        }
    }

    /**
     * Called by the filter once it has set this listener: the body if it was already complete by then (the usual
     * case: a small body arrives with the headers), for the filter to pass on in the same dispatch; else null, and
     * the request is dispatched again when the body is complete. Payara ran a request twice now and then when it
     * was dispatched before the filter had returned.
     */
    synchronized byte[] leaveFilter() {
        inFilter = false;
        return ready;
    }

    @Override
    public void onError(Throwable t) {
        // The client went away or broke the framing mid-body: nothing was done for it, so there is nothing to undo.
        refuse(400, "The request body could not be read");
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        refuse(408, "The request body did not arrive within " + limits.timeoutMillis() / 1000 + " s");
    }

    @Override
    public void onComplete(AsyncEvent event) {
        if (done.compareAndSet(false, true)) {
            budget.give(held);
        }
    }

    @Override
    public void onError(AsyncEvent event) {
        refuse(400, "The request body could not be read");
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // The dispatched request starts its own cycle; this reader's part is over by then.
    }

    private String tooLargeMessage() {
        return "The request body exceeds the limit of " + limits.maxBytes() + " bytes";
    }

    private void refuse(int status, String message) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        budget.give(held);
        ErrorKind kind = ErrorKind.of(status);
        byte[] bytes = ErrorEnvelope.of(message, kind.type(), null, kind.code()).toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            response.setStatus(status);
            response.setContentType("application/json");
            // The rest of the body is never read: the connection cannot carry another request.
            response.setHeader("Connection", "close");
            if (status == 503) {
                response.setHeader("Retry-After", "1");
            }
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } catch (IOException | IllegalStateException e) {
            // The client is gone; completing below still frees the request.
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // Already completed by the container (the client went away first).
            }
        }
    }
}
