package ai.altllm.gateway.keys;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Verified keys by hash, each trusted for {@link #TTL_NANOS}: a revocation made elsewhere takes effect on this
 * instance within that time, one made here at once ({@link #forget}). Unknown keys are not cached, so made-up keys
 * cannot fill memory.
 */
public final class KeyCache {

    /** The revocation bound documented in docs/keys.md. */
    public static final long TTL_NANOS = 5_000_000_000L;
    static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiKey key, long loadedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Function<byte[], Optional<ApiKey>> loader;
    private final LongSupplier clock;

    public KeyCache(Function<byte[], Optional<ApiKey>> loader, LongSupplier clock) {
        this.loader = loader;
        this.clock = clock;
    }

    public Optional<ApiKey> get(byte[] hash) {
        // The map is keyed by the hash, never the secret, so lookup timing reveals nothing useful about a key.
        String id = HexFormat.of().formatHex(hash);
        long now = clock.getAsLong();
        Entry entry = entries.get(id);
        if (entry != null && now - entry.loadedAt() < TTL_NANOS) {
            return Optional.of(entry.key());
        }
        Optional<ApiKey> loaded = loader.apply(hash);
        if (loaded.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(id, new Entry(loaded.get(), now));
        } else {
            entries.remove(id);
        }
        return loaded;
    }

    /** Drops a key (by id) at once, e.g. after this instance revoked it. */
    public void forget(String keyId) {
        entries.values().removeIf(e -> e.key().id().equals(keyId));
    }
}
