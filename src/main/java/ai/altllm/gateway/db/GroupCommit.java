package ai.altllm.gateway.db;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Writes rows synchronously but in groups: one thread takes every row queued while the last transaction ran, inserts
 * them in one transaction and then wakes each caller, so a caller waits for one commit, not for one per caller.
 */
public final class GroupCommit<T> {

    private static final Logger LOG = System.getLogger(GroupCommit.class.getName());
    private static final int BATCH = 500;
    private static final int PENDING = 0;
    private static final int TAKEN = 1;
    private static final int WRITTEN = 2;
    private static final int ABANDONED = 3;

    private final String what;
    private final Consumer<List<T>> insert;
    private final Consumer<T> writtenLate;
    private final BlockingDeque<Entry<T>> queue;
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param insert writes a group in one transaction, or throws
     * @param writtenLate called (on the writer thread) for a row committed after its caller had given up waiting
     */
    public GroupCommit(String what, int capacity, Consumer<List<T>> insert, Consumer<T> writtenLate) {
        this.what = what;
        this.insert = insert;
        this.writtenLate = writtenLate;
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.thread = new Thread(this::run, "altllm-commit-" + what.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits until {@code row} is committed, at most {@code timeout}.
     *
     * @return false if it was not committed in time (queue full, database slow or down): it is then either never
     *     written or handed to {@code writtenLate} once it is
     */
    public boolean write(T row, Duration timeout) {
        Entry<T> entry = new Entry<>(row);
        if (stopped || !queue.offerLast(entry)) {
            return false;
        }
        try {
            entry.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        while (true) {
            int state = entry.state.get();
            if (state == WRITTEN) {
                return true;
            }
            if (entry.state.compareAndSet(state, ABANDONED)) {
                return false;
            }
        }
    }

    private void run() {
        List<Entry<T>> group = new ArrayList<>(BATCH);
        List<T> rows = new ArrayList<>(BATCH);
        while (!stopped || !queue.isEmpty()) {
            try {
                Entry<T> first = queue.pollFirst(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, BATCH - 1);
                commit(group, rows);
            } catch (InterruptedException e) {
                return;
            } finally {
                group.clear();
                rows.clear();
            }
        }
    }

    private void commit(List<Entry<T>> group, List<T> rows) throws InterruptedException {
        group.removeIf(entry -> !entry.state.compareAndSet(PENDING, TAKEN));
        if (group.isEmpty()) {
            return;
        }
        group.forEach(entry -> rows.add(entry.row));
        try {
            insert.accept(rows);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Writing {0} failed; will retry: {1}", what, e.getMessage());
            for (int i = group.size() - 1; i >= 0; i--) {
                Entry<T> entry = group.get(i);
                // A caller that gave up has already been answered 503: its row must not appear later.
                if (entry.state.compareAndSet(TAKEN, PENDING)) {
                    queue.offerFirst(entry);
                }
            }
            Thread.sleep(250);
            return;
        }
        for (Entry<T> entry : group) {
            if (entry.state.compareAndSet(TAKEN, WRITTEN)) {
                entry.done.countDown();
            } else {
                writtenLate.accept(entry.row);
            }
        }
    }

    /** Writes what is queued (waiting at most five seconds) and stops the thread; safe to call twice. */
    public void stop() {
        stopped = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Entry<T> {
        final T row;
        final AtomicInteger state = new AtomicInteger(PENDING);
        final CountDownLatch done = new CountDownLatch(1);

        Entry(T row) {
            this.row = row;
        }
    }
}
