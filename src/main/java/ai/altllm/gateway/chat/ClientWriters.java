package ai.altllm.gateway.chat;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
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
public class ClientWriters implements Executor {

    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "altllm-client-writer-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
