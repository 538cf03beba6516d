package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientStreamTest {

    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Each write takes a permit: none left means the client is not reading. */
    private final Semaphore reads = new Semaphore(Integer.MAX_VALUE);
    private volatile boolean failWrites;
    /** Sends complete only when the test completes them, as RESTEasy's asynchronous writes do. */
    private volatile boolean deferWrites;
    private final BlockingQueue<CompletableFuture<Void>> deferred = new LinkedBlockingQueue<>();
    private volatile boolean sinkClosed;

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    @Test
    void framesAreWrittenInOrderOffTheCallersThreadThenClosed() throws Exception {
        ClientStream stream = stream(() -> {}, () -> {});
        for (int i = 0; i < 1000; i++) {
            stream.send("frame " + i);
        }
        stream.close();
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(1000, written.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals("frame " + i, written.get(i));
        }
        assertFalse(threads.contains(Thread.currentThread().getName()));
    }

    @Test
    void aClientThatStopsReadingPausesTheStreamUntilItDrains() throws Exception {
        AtomicInteger drained = new AtomicInteger();
        ClientStream stream = stream(() -> {}, drained::incrementAndGet);
        reads.drainPermits();
        String frame = "x".repeat(1024);
        int sent = 0;
        while (stream.ready()) {
            stream.send(frame);
            sent++;
            assertTrue(sent < 1000, "the stream never asked the upstream to pause");
        }
        assertTrue(sent * 1024L > ClientStream.HIGH_WATER);
        assertEquals(0, drained.get());
        reads.release(Integer.MAX_VALUE / 2);
        awaitFirst(drained);
        assertEquals(1, drained.get());
        assertTrue(stream.ready());
        stream.close();
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(sent, written.size());
    }

    @Test
    void aFailedWriteReportsTheClientGoneOnceAndDropsTheRest() throws Exception {
        AtomicInteger gone = new AtomicInteger();
        ClientStream stream = stream(gone::incrementAndGet, () -> {});
        failWrites = true;
        for (int i = 0; i < 50; i++) {
            stream.send("frame " + i);
        }
        awaitFirst(gone);
        stream.send("after");
        stream.close();
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(1, gone.get());
        assertTrue(written.size() <= 1, written.toString());
    }

    @Test
    void eachWriteStartsOnlyOnceTheContainerCompletedThePreviousOne() throws Exception {
        deferWrites = true;
        ClientStream stream = stream(() -> {}, () -> {});
        for (int i = 0; i < 3; i++) {
            stream.send("frame " + i);
        }
        stream.close();
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Void> write = deferred.poll(5, TimeUnit.SECONDS);
            assertTrue(write != null, "write " + i + " never started");
            Thread.sleep(100);
            assertEquals(i + 1, written.size(), "a write started before the one before it completed");
            assertEquals(1, closed.getCount(), "closed before the last write completed");
            write.complete(null);
        }
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("frame 0", "frame 1", "frame 2"), written);
    }

    @Test
    void aSinkThatRefusesSendsBecauseItClosedReportsTheClientGoneOnce() throws Exception {
        AtomicInteger gone = new AtomicInteger();
        ClientStream stream = stream(gone::incrementAndGet, () -> {});
        sinkClosed = true;
        stream.send("frame 0");
        awaitFirst(gone);
        stream.send("frame 1");
        stream.close();
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(1, gone.get());
        assertTrue(written.isEmpty(), written.toString());
    }

    /** Waits up to 5 s for the first count; the assertions that follow say what was expected. */
    private static void awaitFirst(AtomicInteger count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private ClientStream stream(Runnable gone, Runnable drained) {
        return new ClientStream(sink(), sse(), writers, gone, drained);
    }

    private SseEventSink sink() {
        return (SseEventSink) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SseEventSink.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "send" -> {
                        reads.acquireUninterruptibly();
                        threads.add(Thread.currentThread().getName());
                        if (failWrites) {
                            written.add("failed");
                            yield CompletableFuture.failedFuture(new IOException("Connection is closed"));
                        }
                        if (sinkClosed) {
                            throw new IllegalStateException("SseEventSink is closed");
                        }
                        written.add(((OutboundSseEvent) args[0]).getData().toString());
                        if (deferWrites) {
                            CompletableFuture<Void> later = new CompletableFuture<>();
                            deferred.add(later);
                            yield later;
                        }
                        yield CompletableFuture.completedFuture(null);
                    }
                    case "close" -> {
                        closed.countDown();
                        yield null;
                    }
                    case "isClosed" -> closed.getCount() == 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Sse sse() {
        return (Sse) Proxy.newProxyInstance(ClientStreamTest.class.getClassLoader(), new Class<?>[] {Sse.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("newEvent") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Object data = args[0];
                    return Proxy.newProxyInstance(ClientStreamTest.class.getClassLoader(),
                            new Class<?>[] {OutboundSseEvent.class}, (p, m, a) -> {
                                if (m.getName().equals("getData")) {
                                    return data;
                                }
                                throw new UnsupportedOperationException(m.getName());
                            });
                });
    }
}
