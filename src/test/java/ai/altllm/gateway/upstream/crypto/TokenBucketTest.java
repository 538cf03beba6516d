package ai.altllm.gateway.upstream.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void allowsABurstOfItsSizeThenRefillsContinuously() {
        AtomicLong now = new AtomicLong(1_000);
        TokenBucket bucket = new TokenBucket(3, now::get);
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake(), "three per minute: the fourth at once is refused");
        now.addAndGet(19_000_000_000L);
        assertFalse(bucket.tryTake(), "19 s refill less than one token");
        now.addAndGet(1_000_000_000L);
        assertTrue(bucket.tryTake(), "20 s refill one token");
        assertFalse(bucket.tryTake());
        now.addAndGet(600_000_000_000L);
        assertTrue(bucket.tryTake() && bucket.tryTake() && bucket.tryTake());
        assertFalse(bucket.tryTake(), "a long pause never fills past the size");
    }
}
