package ai.altllm.gateway.usage;

import ai.altllm.gateway.chat.UsageEvent;
import ai.altllm.gateway.chat.UsageSink;
import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.shutdown.ShutdownStep;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects usage events in memory and writes them in batches, every half second or when a batch fills, on one
 * background thread: the request path never waits for the database. Flushes what is left when the application stops.
 */
@ApplicationScoped
public class UsageWriter implements UsageSink, ShutdownStep {

    private static final Logger LOG = System.getLogger(UsageWriter.class.getName());
    private static final int BATCH = 500;
    /** Bounded so a long database outage costs memory up to a limit, then counted drops, never an OutOfMemoryError. */
    private static final int CAPACITY = 200_000;

    @Inject
    Database database;

    private final BlockingQueue<UsageRow> pending = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private ScheduledExecutorService flusher;

    @PostConstruct
    void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "altllm-usage-writer");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void accept(UsageEvent event) {
        record(new UsageRow(event, Instant.now()));
    }

    private void record(UsageRow row) {
        if (!pending.offer(row)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 10_000 == 0) {
                LOG.log(Level.ERROR, "Usage queue full ({0} pending): {1} usage records dropped so far", CAPACITY, count);
            }
        }
    }

    /** Writes everything queued so far; used by the scheduler, at shutdown, and by tests that need rows now. */
    public synchronized void flush() {
        List<UsageRow> batch = new ArrayList<>(BATCH);
        while (pending.drainTo(batch, BATCH) > 0) {
            try {
                UsageRepository.insert(database.dataSource(), batch);
            } catch (RuntimeException e) {
                batch.forEach(this::record);
                throw e;
            }
            batch.clear();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Writing usage failed; will retry: {0}", e.getMessage());
        }
    }

    public int pendingCount() {
        return pending.size();
    }

    @Override
    public int order() {
        return FLUSH_RECORDS;
    }

    @Override
    public String name() {
        return "usage records";
    }

    /**
     * The shutdown step: run by the drain once no request is left, before any application bean (the database pool
     * included) is destroyed, so the last rows still land.
     */
    @Override
    public void run() {
        stop();
    }

    // No "throws": a @PreDestroy declaring a checked exception breaks deployment on Payara.
    @PreDestroy
    void stop() {
        if (flusher.isShutdown() && pending.isEmpty()) {
            return;
        }
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Could not write the last " + pending.size() + " usage records at shutdown", e);
        }
    }
}
