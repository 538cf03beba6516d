package ai.altllm.gateway.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Passes a binary answer on to a {@link ByteSink} chunk by chunk, reading more from the provider only while the sink
 * keeps up: no thread waits and memory stays bounded however large the video is. Unlike
 * {@link AbstractBinResponseConsumer}, which always grants more capacity, this one withholds it while paused.
 */
final class ByteRelay implements AsyncResponseConsumer<Void> {

    private static final int WINDOW = 64 * 1024;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final ByteSink sink;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile CapacityChannel channel;
    private volatile boolean paused;
    private volatile boolean abandoned;
    private int status;
    private ByteArrayOutputStream errorBody;
    private FutureCallback<Void> result;

    ByteRelay(ByteSink sink) {
        this.sink = sink;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
            FutureCallback<Void> resultCallback) {
        result = resultCallback;
        status = response.getCode();
        if (status / 100 != 2) {
            errorBody = new ByteArrayOutputStream(512);
        } else {
            sink.begin(entity == null ? null : entity.getContentType(), entity == null ? 0 : entity.getContentLength());
        }
        if (entity == null) {
            streamEnd(List.of());
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing to relay.
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        channel = capacityChannel;
        if (!paused) {
            capacityChannel.update(WINDOW);
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (abandoned) {
            throw new IOException("download abandoned by the gateway");
        }
        if (errorBody != null) {
            byte[] bytes = new byte[src.remaining()];
            src.get(bytes);
            errorBody.write(bytes, 0, Math.min(bytes.length, Math.max(0, MAX_ERROR_BODY - errorBody.size())));
            return;
        }
        if (!done.get() && !sink.write(src)) {
            paused = true;
        }
        src.position(src.limit());
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        if (done.compareAndSet(false, true)) {
            if (errorBody != null) {
                sink.fail(UpstreamErrors.status(status, errorBody.toString(StandardCharsets.UTF_8)));
            } else {
                sink.end();
            }
        }
        if (result != null) {
            result.completed(null);
        }
    }

    @Override
    public void failed(Exception cause) {
        if (done.compareAndSet(false, true)) {
            sink.fail(UpstreamErrors.transport(cause));
        }
    }

    @Override
    public void releaseResources() {
        errorBody = null;
    }

    /** Lets the provider send more after the sink drained what it had. */
    void resume() {
        paused = false;
        CapacityChannel current = channel;
        if (current != null) {
            try {
                current.update(WINDOW);
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    void abandon() {
        done.set(true);
        abandoned = true;
        resume();
    }
}
