package ai.altllm.gateway.video;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.upstream.ByteSink;
import ai.altllm.gateway.upstream.Download;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Passes a provider's video to the client with non-blocking servlet output: bytes are written only while the client
 * connection can take them, and the provider is paused while more than {@link #HIGH} bytes wait, so a download holds
 * neither a thread nor more than a bounded buffer. All state is guarded by this object's lock, as the provider's I/O
 * thread and the container's write callbacks both arrive here.
 */
final class ContentRelay implements ByteSink, WriteListener, AsyncListener {

    private static final int HIGH = 512 * 1024;
    private static final int LOW = 128 * 1024;

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final ServletOutputStream out;
    private final String fileName;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int queued;
    private boolean started;
    private boolean ended;
    private boolean finished;
    private boolean paused;
    private volatile Download download;

    /** Must be created on the container's thread, right after the request went async. */
    ContentRelay(AsyncContext async, String fileName) throws IOException {
        this.async = async;
        this.response = (HttpServletResponse) async.getResponse();
        this.fileName = fileName;
        this.out = response.getOutputStream();
        async.addListener(this);
        out.setWriteListener(this);
    }

    void attach(Download running) {
        download = running;
        pump();
    }

    @Override
    public synchronized void begin(String contentType, long length) {
        started = true;
        response.setStatus(200);
        response.setContentType(contentType != null && contentType.startsWith("video/") ? contentType : "video/mp4");
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + ".mp4\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    @Override
    public boolean write(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        synchronized (this) {
            if (finished) {
                return true;
            }
            queue.add(copy);
            queued += copy.length;
            paused = queued >= HIGH;
        }
        pump();
        synchronized (this) {
            return !paused;
        }
    }

    @Override
    public void end() {
        synchronized (this) {
            ended = true;
        }
        pump();
    }

    /** Before any byte: an error envelope. Midway: the connection ends early, which a client sees as truncated. */
    @Override
    public void fail(ApiException failure) {
        synchronized (this) {
            if (finished) {
                return;
            }
            if (!started && !response.isCommitted()) {
                byte[] envelope = ErrorEnvelope.of(failure).toString().getBytes(StandardCharsets.UTF_8);
                response.setStatus(failure.status());
                response.setContentType("application/json");
                response.setContentLength(envelope.length);
                queue.add(envelope);
                ended = true;
            } else {
                finished = true;
                queue.clear();
                async.complete();
                return;
            }
        }
        pump();
    }

    @Override
    public void onWritePossible() {
        pump();
    }

    @Override
    public void onError(Throwable clientGone) {
        abandon();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onError(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // Nothing left to release: the download ended or was abandoned first.
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted.
    }

    private void abandon() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            queue.clear();
        }
        Download running = download;
        if (running != null) {
            running.cancel();
        }
        async.complete();
    }

    /** Writes what the client can take now; resumes the provider once the backlog has drained. */
    private void pump() {
        boolean resume = false;
        boolean broken = false;
        Download running = download;
        synchronized (this) {
            if (finished) {
                return;
            }
            try {
                while (!queue.isEmpty() && out.isReady()) {
                    byte[] next = queue.poll();
                    queued -= next.length;
                    out.write(next);
                }
                if (queue.isEmpty() && ended && out.isReady()) {
                    finished = true;
                    async.complete();
                    return;
                }
            } catch (IOException | IllegalStateException e) {
                broken = true;
            }
            if (!broken && paused && queued < LOW && running != null) {
                paused = false;
                resume = true;
            }
        }
        if (broken) {
            abandon();
        } else if (resume) {
            running.resume();
        }
    }
}
