package ai.altllm.gateway.throttle;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed attempts per key in a leaky bucket and makes a key that reaches the limit wait, twice as long after
 * each further failure; remembers at most a fixed number of keys, forgetting the least recently seen first.
 */
public final class FailureTracker {

    private static final class Entry {
        double level;
        int strikes;
        int pending;
        long blockedUntil;
        long updated;
    }

    private final int limit;
    private final long windowNanos;
    private final long firstDelayNanos;
    private final long maxDelayNanos;
    private final int maxTracked;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    /** @param clock nanoseconds, like {@link System#nanoTime()} */
    public FailureTracker(int limit, long windowNanos, long firstDelayNanos, long maxDelayNanos, int maxTracked,
            LongSupplier clock) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.firstDelayNanos = firstDelayNanos;
        this.maxDelayNanos = maxDelayNanos;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    /**
     * Lets one attempt for the key begin and returns 0, or returns how many nanoseconds it must wait. An admitted
     * attempt holds a free failure until {@link #failed} or {@link #release}, so concurrent guesses cannot all slip
     * in before the first one has failed; once the limit is reached, one attempt at a time.
     */
    public synchronized long admit(String key) {
        long now = clock.getAsLong();
        Entry e = entry(key, now);
        if (now - e.blockedUntil < 0) {
            return e.blockedUntil - now;
        }
        if (e.pending >= Math.max(1, (int) Math.floor(limit - e.level))) {
            return Math.min(firstDelayNanos, 1_000_000_000L);
        }
        e.pending++;
        return 0;
    }

    /** Records that an admitted attempt failed; at the limit the key must wait, longer with each further failure. */
    public synchronized void failed(String key) {
        long now = clock.getAsLong();
        Entry e = entry(key, now);
        e.pending = Math.max(0, e.pending - 1);
        if (e.level == 0 && now - e.blockedUntil >= 0) {
            e.strikes = 0;
        }
        e.level = Math.min(limit, e.level + 1);
        // Past limit - 1 rather than at limit: the level has drained a little since the earlier failures.
        if (e.level > limit - 1) {
            long delay = firstDelayNanos;
            for (int i = 0; i < e.strikes && delay < maxDelayNanos; i++) {
                delay *= 2;
            }
            e.strikes++;
            e.blockedUntil = now + Math.min(delay, maxDelayNanos);
        }
    }

    /** Ends an admitted attempt that did not fail (or never ran), without counting it. */
    public synchronized void release(String key) {
        Entry e = entries.get(key);
        if (e != null) {
            e.pending = Math.max(0, e.pending - 1);
            long now = clock.getAsLong();
            drain(e, now);
            if (idle(e, now)) {
                entries.remove(key);
            }
        }
    }

    /** Ends an admitted attempt that succeeded and forgets the key's failures. */
    public synchronized void succeeded(String key) {
        Entry e = entries.get(key);
        if (e != null) {
            e.level = 0;
            e.strikes = 0;
            e.blockedUntil = e.updated;
            release(key);
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private Entry entry(String key, long now) {
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry();
            e.updated = now;
            e.blockedUntil = now;
            evict(now);
            entries.put(key, e);
        }
        drain(e, now);
        return e;
    }

    /** The level drains {@code limit} per window, but not while the key waits, so each wait ends near the limit. */
    private void drain(Entry e, long now) {
        long from = e.blockedUntil - e.updated > 0 ? e.blockedUntil : e.updated;
        if (now - from > 0) {
            e.level = Math.max(0, e.level - (double) (now - from) * limit / windowNanos);
        }
        if (now - e.updated > 0) {
            e.updated = now;
        }
    }

    private static boolean idle(Entry e, long now) {
        return e.level == 0 && e.pending == 0 && now - e.blockedUntil >= 0;
    }

    /** Makes room for one more key, and drops the oldest one too once it has nothing left to count. */
    private void evict(long now) {
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (entries.size() >= maxTracked && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        if (oldest.hasNext()) {
            Map.Entry<String, Entry> first = oldest.next();
            Entry e = first.getValue();
            drain(e, now);
            if (idle(e, now)) {
                oldest.remove();
            }
        }
    }
}
