package ai.altllm.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.Timeouts;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A download reads from the provider only while its sink keeps up, and delivers every byte once resumed. */
class DownloadBackPressureTest {

    private final HttpTransport transport = new HttpTransport();
    private ScriptedUpstream upstream;

    @BeforeEach
    void start() {
        transport.configuration = TestConfigs.of("{\"providers\": {}, \"models\": []}");
        transport.start();
        upstream = ScriptedUpstream.start(0);
    }

    @AfterEach
    void stop() {
        transport.stop();
        upstream.close();
    }

    @Test
    void aPausedSinkStopsTheReadingUntilItResumes() throws Exception {
        byte[] video = new byte[8 * 1024 * 1024];
        new Random(11).nextBytes(video);
        upstream.enqueueBytes(200, "video/mp4", video);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        AtomicBoolean accepting = new AtomicBoolean(true);
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Download download = transport.download(URI.create(upstream.baseUrl() + "/video.mp4"), null,
                new Timeouts(2000, 5000, 5000, 60_000), new ByteSink() {
                    @Override
                    public void begin(String contentType, long length) {
                        started.complete(contentType + " " + length);
                    }

                    @Override
                    public boolean write(ByteBuffer bytes) {
                        byte[] chunk = new byte[bytes.remaining()];
                        bytes.get(chunk);
                        synchronized (received) {
                            received.write(chunk, 0, chunk.length);
                        }
                        return accepting.get();
                    }

                    @Override
                    public void end() {
                        ended.complete(null);
                    }

                    @Override
                    public void fail(ApiException failure) {
                        ended.completeExceptionally(failure);
                    }
                });
        assertEquals("video/mp4 " + video.length, started.get(5, TimeUnit.SECONDS));
        accepting.set(false);
        Thread.sleep(300);
        int atPause = size(received);
        Thread.sleep(700);
        int afterWaiting = size(received);
        assertTrue(afterWaiting - atPause <= 256 * 1024, "at most one window arrives after the pause: "
                + (afterWaiting - atPause));
        assertTrue(afterWaiting < video.length, "the rest waits for the sink");
        accepting.set(true);
        download.resume();
        ended.get(10, TimeUnit.SECONDS);
        assertArrayEquals(video, received.toByteArray());
        assertEquals("/v1/video.mp4", upstream.take(Duration.ofSeconds(1)).path());
    }

    private static int size(ByteArrayOutputStream received) {
        synchronized (received) {
            return received.size();
        }
    }
}
