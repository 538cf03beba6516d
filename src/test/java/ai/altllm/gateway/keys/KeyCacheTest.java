package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyCacheTest {

    private final Map<String, ApiKey> database = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();
    private final KeyCache cache = new KeyCache(hash -> {
        loads.incrementAndGet();
        return Optional.ofNullable(database.get(java.util.HexFormat.of().formatHex(hash)));
    }, clock::get);

    private static ApiKey key(String id, boolean revoked) {
        return new ApiKey(id, "acct_1", "k", "altllm-abcd", Instant.EPOCH, null, null, revoked, null, null, null,
                null, null);
    }

    @Test
    void knownKeysAreServedFromMemoryWithinTheBoundThenReloaded() {
        byte[] hash = KeyFormat.hash("secret");
        database.put(KeyFormat.hashHex("secret"), key("key_1", false));
        cache.get(hash);
        cache.get(hash);
        assertEquals(1, loads.get());
        database.put(KeyFormat.hashHex("secret"), key("key_1", true));
        clock.set(KeyCache.TTL_NANOS - 1);
        assertTrue(!cache.get(hash).orElseThrow().revoked(), "still within the bound: cached");
        clock.set(KeyCache.TTL_NANOS);
        assertTrue(cache.get(hash).orElseThrow().revoked(), "revocation elsewhere seen once the bound has passed");
        assertEquals(2, loads.get());
    }

    @Test
    void forgetMakesALocalRevocationImmediate() {
        byte[] hash = KeyFormat.hash("secret");
        database.put(KeyFormat.hashHex("secret"), key("key_1", false));
        cache.get(hash);
        database.put(KeyFormat.hashHex("secret"), key("key_1", true));
        cache.forget("key_1");
        assertTrue(cache.get(hash).orElseThrow().revoked());
    }

    @Test
    void unknownKeysAreNeverCached() {
        for (int i = 0; i < 3; i++) {
            assertTrue(cache.get(KeyFormat.hash("nope")).isEmpty());
        }
        assertEquals(3, loads.get());
    }
}
