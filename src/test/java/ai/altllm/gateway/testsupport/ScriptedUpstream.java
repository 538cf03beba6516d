package ai.altllm.gateway.testsupport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * A scripted OpenAI-compatible upstream on 127.0.0.1 for tests: queue answers (JSON, SSE frames with pauses,
 * faults), run the gateway, then read back exactly what reached the upstream.
 */
public final class ScriptedUpstream implements AutoCloseable {

    /** Ways an upstream can fail at the socket level. */
    public enum Fault {
        /** Accepts the request, then closes the connection without answering. */
        DISCONNECT_BEFORE_RESPONSE,
        /** Never answers; the connection stays open. */
        STALL
    }

    private final MockWebServer server = new MockWebServer();
    private final QueueDispatcher answers = new QueueDispatcher();
    private volatile CountDownLatch clientClosed = new CountDownLatch(1);

    private ScriptedUpstream() {
    }

    /** Starts on 127.0.0.1 at the given port (0 picks a free one). */
    public static ScriptedUpstream start(int port) {
        ScriptedUpstream upstream = new ScriptedUpstream();
        upstream.server.setDispatcher(upstream.answers);
        try {
            upstream.server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new IllegalStateException("scripted upstream could not bind 127.0.0.1:" + port, e);
        }
        return upstream;
    }

    /** The OpenAI-style base URL, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    public int port() {
        return server.getPort();
    }

    public void enqueueJson(int status, String json) {
        server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(json).build());
    }

    /** A binary answer, such as a video. */
    public void enqueueBytes(int status, String contentType, byte[] body) {
        server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", contentType)
                .body(new okio.Buffer().write(body)).build());
    }

    /** A complete non-streamed {@code chat.completion} whose message content is the given text. */
    public void enqueueChat(String content, int promptTokens, int completionTokens) {
        enqueueJson(200, OpenAiJson.chatCompletion(content, promptTokens, completionTokens));
    }

    /**
     * An SSE answer: each frame is sent as {@code data: <frame>\n\n} and flushed, with a pause before each one. Pass
     * {@code "[DONE]"} as the last frame to end the stream properly; set {@code breakAfter} to simulate an upstream
     * dying mid-stream (the connection closes without the final chunk, so the client sees a truncated body).
     */
    public void enqueueStream(Duration pause, List<String> frames, boolean breakAfter) {
        MockResponse.Builder response = new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/event-stream").setHeader("Transfer-Encoding", "chunked")
                .body(new FramedBody(frames, pause, breakAfter, null));
        if (breakAfter) {
            response.onResponseEnd(new SocketEffect.CloseSocket());
        }
        server.enqueue(response.build());
    }

    /**
     * An SSE answer that proves the client receives each frame before the next is written: after the first frame,
     * every frame waits until the test releases one permit of {@code clientGot} (it does so per frame it received).
     * If a permit does not come within {@code patience}, {@code unseen} is set to the number of the frame the client
     * still lacked (1 for the first) and the rest follow without waiting, so a buffering gateway fails the test
     * instead of hanging it.
     */
    public void enqueueGatedStream(List<String> frames, Semaphore clientGot, Duration patience, AtomicInteger unseen) {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .setHeader("Transfer-Encoding", "chunked")
                .body(new FramedBody(frames, Duration.ZERO, false, new Gate(clientGot, patience, unseen))).build());
    }

    /** Holds a gated stream's next frame until the client has seen the previous one. */
    private record Gate(Semaphore clientGot, Duration patience, AtomicInteger unseen) {

        /** Waits before writing frame {@code next}; on a timeout, records it (1 + the index of the late frame). */
        void await(int next) throws InterruptedException {
            if (unseen.get() == 0 && !clientGot.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                unseen.set(next);
            }
        }
    }

    public void enqueueFault(Fault fault) {
        MockResponse.Builder response = new MockResponse.Builder();
        switch (fault) {
            case DISCONNECT_BEFORE_RESPONSE -> response.onResponseStart(new SocketEffect.CloseSocket());
            case STALL -> response.onResponseStart(SocketEffect.Stall.INSTANCE);
            default -> throw new IllegalArgumentException(fault.name());
        }
        server.enqueue(response.build());
    }

    /** Waits for the next request that reached the upstream, or fails the test if none arrives in time. */
    public Recorded take(Duration timeout) {
        try {
            RecordedRequest request = server.takeRequest(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (request == null) {
                throw new AssertionError("no request reached the scripted upstream within " + timeout);
            }
            return new Recorded(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Forgets answers scripted but never asked for and requests recorded but never taken, so a test that failed
     * half-way cannot hand its leftovers to the next one. The request count keeps running.
     */
    public void reset() {
        answers.clear();
        try {
            while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
                // drained
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clientClosed = new CountDownLatch(1);
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    /** True once a client hung up while a scripted stream was still being written. */
    public boolean awaitClientClose(Duration timeout) throws InterruptedException {
        return clientClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.close();
    }

    /** One request as the upstream saw it. */
    public record Recorded(String method, String path, okhttp3.Headers headers, String body) {

        Recorded(RecordedRequest request) {
            this(request.getMethod(), request.getUrl().encodedPath(), request.getHeaders(),
                    request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8));
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Writes SSE frames one by one, flushing each, so the client sees them arrive separately. */
    private final class FramedBody implements MockResponseBody {

        private final List<String> frames;
        private final Duration pause;
        private final boolean breakAfter;
        private final Gate gate;

        FramedBody(List<String> frames, Duration pause, boolean breakAfter, Gate gate) {
            this.frames = frames;
            this.pause = pause;
            this.breakAfter = breakAfter;
            this.gate = gate;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try {
                for (int i = 0; i < frames.size(); i++) {
                    Thread.sleep(pause.toMillis());
                    if (gate != null && i > 0) {
                        gate.await(i);
                    }
                    chunk(sink, "data: " + frames.get(i) + "\n\n");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            } catch (IOException e) {
                clientClosed.countDown();
                throw e;
            }
            if (!breakAfter) {
                sink.writeUtf8("0\r\n\r\n");
                sink.flush();
            }
        }

        /** HTTP/1.1 chunked framing, written here so a broken stream can end without its final chunk. */
        private void chunk(BufferedSink sink, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            sink.writeUtf8(Integer.toHexString(bytes.length) + "\r\n").write(bytes).writeUtf8("\r\n");
            sink.flush();
        }
    }
}
