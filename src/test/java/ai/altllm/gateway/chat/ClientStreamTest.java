package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
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

    /**
     * RESTEasy on Undertow may hold a frame it reported written until the next write: a stream on such a container
     * writes one comment once it has been quiet for {@link ClientStream#NUDGE_MILLIS} after a frame, and no more
     * until another frame went out; never after it was closed, nor on a container that needs none.
     */
    @Test
    void aContainerThatHoldsFramesGetsOneCommentAfterEachQuietSpell() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            FrameWriters nudged = new FrameWriters() {
                @Override
                public void execute(Runnable command) {
                    writers.execute(command);
                }

                @Override
                public ScheduledExecutorService nudgesFor(SseEventSink sink) {
                    return timer;
                }
            };
            ClientStream stream = new ClientStream(sink(), sse(), nudged, () -> {}, () -> {});
            // Frames sent together: no comment between them, one once they are out and the stream is quiet.
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                stream.send("frame " + i);
                expected.add("frame " + i);
            }
            expected.add("comment");
            awaitWritten(expected.size());
            Thread.sleep(ClientStream.NUDGE_MILLIS * 4);
            assertEquals(expected, written);
            stream.send("frame 10");
            expected.addAll(List.of("frame 10", "comment"));
            awaitWritten(expected.size());
            Thread.sleep(ClientStream.NUDGE_MILLIS * 4);
            assertEquals(expected, written);
            stream.send("frame 11");
            stream.close();
            assertTrue(closed.await(5, TimeUnit.SECONDS));
            Thread.sleep(ClientStream.NUDGE_MILLIS * 4);
            expected.add("frame 11");
            assertEquals(expected, written);
        } finally {
            timer.shutdownNow();
        }
        written.clear();
        ClientStream plain = stream(() -> {}, () -> {});
        plain.send("frame 0");
        Thread.sleep(ClientStream.NUDGE_MILLIS * 4);
        assertEquals(List.of("frame 0"), written);
    }

    /** Waits up to 5 s for that many writes; the assertions that follow say what was expected. */
    private void awaitWritten(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (written.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Waits up to 5 s for the first count; the assertions that follow say what was expected. */
    private static void awaitFirst(AtomicInteger count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private ClientStream stream(Runnable gone, Runnable drained) {
        return new ClientStream(sink(), sse(), writers::execute, gone, drained);
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
                        OutboundSseEvent event = (OutboundSseEvent) args[0];
                        written.add(event.getComment() != null ? "comment" : event.getData().toString());
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
                    if (method.getName().equals("newEventBuilder")) {
                        return commentBuilder();
                    }
                    if (!method.getName().equals("newEvent") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return event(args[0], null);
                });
    }

    /** A builder that takes only a comment, as the nudge uses it. */
    private static OutboundSseEvent.Builder commentBuilder() {
        String[] comment = new String[1];
        return (OutboundSseEvent.Builder) Proxy.newProxyInstance(ClientStreamTest.class.getClassLoader(),
                new Class<?>[] {OutboundSseEvent.Builder.class}, (builder, method, args) -> switch (method.getName()) {
                    case "comment" -> {
                        comment[0] = (String) args[0];
                        yield builder;
                    }
                    case "build" -> event(null, comment[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static OutboundSseEvent event(Object data, String comment) {
        return (OutboundSseEvent) Proxy.newProxyInstance(ClientStreamTest.class.getClassLoader(),
                new Class<?>[] {OutboundSseEvent.class}, (p, m, a) -> switch (m.getName()) {
                    case "getData" -> data;
                    case "getComment" -> comment;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
