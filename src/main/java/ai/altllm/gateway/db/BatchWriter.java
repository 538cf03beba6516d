package ai.altllm.gateway.db;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Queues records in memory and hands them in batches to their writer (the database, the access log) every half
 * second, on one background thread: the request path only adds to a lock-free queue, because on a busy core a thread
 * descheduled while holding a queue's lock stalls every request behind it. Bounded, so a long database outage costs
 * memory up to a limit and then counted drops, never an OutOfMemoryError. {@link #stop()} writes what is left.
 */
public final class BatchWriter<T> {

    private static final Logger LOG = System.getLogger(BatchWriter.class.getName());
    private static final int BATCH = 500;

    private final String what;
    private final Consumer<List<T>> insert;
    private final int capacity;
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final ScheduledExecutorService flusher;

    /** @param what the rows' name for log lines, e.g. "usage records" */
    public BatchWriter(String what, int capacity, Consumer<List<T>> insert) {
        this.what = what;
        this.insert = insert;
        this.capacity = capacity;
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "altllm-writer-" + what.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Queues the row; false if the queue is full and the row was dropped (and counted). */
    public boolean add(T row) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 10_000 == 0) {
                LOG.log(Level.ERROR, "Queue of {0} full ({1} pending): {2} dropped so far", what, size.get(), count);
            }
            return false;
        }
        pending.add(row);
        return true;
    }

    /**
     * Queues a row whatever the queue holds: one that completes work admitted while there was room (a ledger
     * settlement), so such rows are bounded by the work in flight, and dropping one would leave its first half alone.
     */
    public void addAlways(T row) {
        size.incrementAndGet();
        pending.add(row);
    }

    /** Writes everything queued so far; a failed batch goes back to the queue and the failure is thrown. */
    public synchronized void flush() {
        List<T> batch = new ArrayList<>(BATCH);
        while (take(batch) > 0) {
            try {
                insert.accept(batch);
            } catch (RuntimeException e) {
                // Rows once accepted are never dropped, not even when new ones filled the queue meanwhile.
                batch.forEach(this::addAlways);
                throw e;
            }
            batch.clear();
        }
    }

    private int take(List<T> batch) {
        T row;
        while (batch.size() < BATCH && (row = pending.poll()) != null) {
            batch.add(row);
        }
        size.addAndGet(-batch.size());
        return batch.size();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Writing {0} failed; will retry: {1}", what, e.getMessage());
        }
    }

    public int pendingCount() {
        return size.get();
    }

    /** Stops the timer and writes the rest; safe to call twice. Never throws (it runs at shutdown). */
    public void stop() {
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
            LOG.log(Level.ERROR, "Could not write the last " + size.get() + " " + what + " at shutdown", e);
        }
    }
}
