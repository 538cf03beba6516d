package ai.altllm.gateway.upstream;

import ai.altllm.gateway.config.Timeouts;
import ai.altllm.gateway.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads one upstream answer in the client's callbacks: SSE events are handed on as they arrive, JSON and error
 * bodies are collected (bounded). Guarantees the listener one terminal call, knows its own deadlines, and stops
 * reading while the listener is not ready, so a slow client slows its provider instead of filling the heap.
 */
final class ExchangeConsumer implements AsyncResponseConsumer<Void> {

    /** Bytes the provider may send before the listener is asked again whether it is ready. */
    private static final int WINDOW = 64 * 1024;

    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final boolean stream;
    private final UpstreamListener listener;
    private final Timeouts timeouts;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean abandoned;
    /** The pending deadline check; cancelled as soon as the exchange ends so the timer never keeps it alive. */
    private volatile Future<?> watch;
    private volatile long firstByteNanos;
    private volatile long lastActivityNanos;
    private int status;
    private SseParser sse;
    private ByteArrayOutputStream body;
    private volatile FutureCallback<Void> result;
    /** Held while reading is paused for the listener; whoever takes it back grants the next window. */
    private final AtomicReference<CapacityChannel> held = new AtomicReference<>();

    ExchangeConsumer(boolean stream, Timeouts timeouts, UpstreamListener listener) {
        this.stream = stream;
        this.timeouts = timeouts;
        this.listener = listener;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
            FutureCallback<Void> callback) {
        result = callback;
        start(response, entity == null ? null : ContentType.parseLenient(entity.getContentType()));
        if (entity == null) {
            callback.completed(buildResult());
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing for us.
    }

    private void start(HttpResponse response, ContentType contentType) {
        long now = System.nanoTime();
        firstByteNanos = now;
        lastActivityNanos = now;
        // Any 2xx is success: video providers answer a created job with 202.
        int code = response.getCode();
        status = code / 100 == 2 ? 200 : code;
        boolean eventStream = contentType != null && "text/event-stream".equalsIgnoreCase(contentType.getMimeType());
        if (status == 200 && stream && eventStream) {
            sse = new SseParser(MAX_BODY, this::event);
        } else {
            body = new ByteArrayOutputStream(status == 200 ? 4096 : 512);
        }
    }

    private void event(String data) {
        if (done.get()) {
            return;
        }
        listener.onData(data);
        // The stream is over whatever the provider sends after [DONE]; dropping the connection stops any more.
        if ("[DONE]".equals(data) && finish()) {
            abandoned = true;
            listener.onComplete();
        }
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        held.set(channel);
        if (listener.ready()) {
            grant();
        }
    }

    /** Resumes reading if it was paused; the listener must already be ready again. */
    void resume() {
        lastActivityNanos = System.nanoTime();
        try {
            grant();
        } catch (IOException e) {
            fail(UpstreamErrors.transport(e));
        }
    }

    private void grant() throws IOException {
        CapacityChannel channel = held.getAndSet(null);
        if (channel != null) {
            channel.update(WINDOW);
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (abandoned) {
            // Cancelling the client's future does not stop an exchange already on the wire; failing here makes the
            // client drop the connection, which is how the provider learns to stop generating.
            throw new IOException("exchange abandoned by the gateway");
        }
        lastActivityNanos = System.nanoTime();
        if (sse != null) {
            try {
                sse.feed(src);
            } catch (IllegalStateException tooLarge) {
                fail(UpstreamErrors.malformed(tooLarge.getMessage()));
            }
            return;
        }
        int limit = status == 200 ? MAX_BODY : MAX_ERROR_BODY;
        int take = Math.min(src.remaining(), Math.max(0, limit - body.size()));
        if (src.hasArray()) {
            body.write(src.array(), src.arrayOffset() + src.position(), take);
        } else {
            byte[] copy = new byte[take];
            src.get(copy);
            body.write(copy, 0, take);
        }
        src.position(src.limit());
        if (status == 200 && body.size() >= MAX_BODY) {
            fail(UpstreamErrors.malformed("answer larger than " + MAX_BODY + " bytes"));
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        FutureCallback<Void> callback = result;
        Void done = buildResult();
        if (callback != null) {
            callback.completed(done);
        }
    }

    private Void buildResult() {
        if (done.get()) {
            return null;
        }
        if (status != 200) {
            fail(UpstreamErrors.status(status, body.toString(StandardCharsets.UTF_8)));
        } else if (sse == null && stream) {
            fail(UpstreamErrors.malformed("a streamed answer was requested but the answer was not an event stream"));
        } else {
            if (sse == null) {
                listener.onData(body.toString(StandardCharsets.UTF_8));
            }
            if (finish()) {
                listener.onComplete();
            }
        }
        return null;
    }

    @Override
    public void failed(Exception cause) {
        fail(UpstreamErrors.transport(cause));
    }

    @Override
    public void releaseResources() {
        body = null;
        held.set(null);
    }

    void fail(ApiException failure) {
        if (finish()) {
            listener.onFailure(failure);
        }
    }

    /** Stops all further listener calls, for an exchange the gateway itself abandons. */
    void abandon() {
        finish();
        abandoned = true;
    }

    /** Marks the exchange done, once; true for the caller that did it. Also drops the pending deadline check. */
    private boolean finish() {
        boolean first = done.compareAndSet(false, true);
        Future<?> pending = watch;
        if (pending != null) {
            pending.cancel(false);
        }
        return first;
    }

    /** Remembers the next deadline check, or cancels it at once if the exchange already ended. */
    void watchedBy(Future<?> check) {
        watch = check;
        if (done.get()) {
            check.cancel(false);
        }
    }

    boolean isDone() {
        return done.get();
    }

    /**
     * Milliseconds until the next deadline could pass, or fails the exchange with a 504 and returns 0 if one has.
     * Checking only when a deadline is due keeps timers off the per-chunk path.
     */
    long checkDeadlines() {
        long now = System.nanoTime();
        long total = timeouts.totalMs() - elapsedMs(startNanos, now);
        long phase = firstByteNanos == 0 ? timeouts.firstByteMs() - elapsedMs(startNanos, now)
                : timeouts.idleMs() - elapsedMs(lastActivityNanos, now);
        if (phase <= 0 && held.get() != null) {
            // Paused that long for a client that does not read: the client, not the provider, is gone quiet.
            fail(UpstreamErrors.clientStalled());
            return 0;
        }
        if (total <= 0 || phase <= 0) {
            fail(UpstreamErrors.timeout(total <= 0 ? "total" : firstByteNanos == 0 ? "first byte" : "idle"));
            return 0;
        }
        return Math.min(total, phase);
    }

    private static long elapsedMs(long from, long now) {
        return TimeUnit.NANOSECONDS.toMillis(now - from);
    }
}
