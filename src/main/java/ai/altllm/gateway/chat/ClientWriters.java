package ai.altllm.gateway.chat;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write SSE frames to clients. A thread is busy only while a write is under way, so the pool stays
 * small for clients that read; only a client that stops reading keeps one waiting, until the container's write
 * timeout or its disconnect ends that write.
 */
@ApplicationScoped
public class ClientWriters implements FrameWriters {

    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "altllm-client-writer-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
    /** Fires late-flush nudges only: each task queues a frame and returns. */
    private final ScheduledThreadPoolExecutor nudges = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "altllm-client-nudges");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    /**
     * RESTEasy on Undertow (WildFly 35) is the one container seen to hold a written frame back until the next write
     * (docs/deploy.md), so its streams get nudges; the others send what they report as written.
     */
    @Override
    public ScheduledExecutorService nudgesFor(SseEventSink sink) {
        return sink.getClass().getName().startsWith("org.jboss.resteasy.") ? nudges : null;
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        nudges.shutdownNow();
    }
}
