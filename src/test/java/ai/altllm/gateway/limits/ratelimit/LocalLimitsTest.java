package ai.altllm.gateway.limits.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalLimitsTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final LocalLimits limits = new LocalLimits(now::get);

    @Test
    void requestsPerMinuteAdmitsExactlyTheLimitThenRefusesWithRetryAfter() {
        Limits rpm = new Limits(60, 0, 0);
        for (int i = 0; i < 60; i++) {
            assertTrue(limits.admit("k", rpm, 0).admitted(), "request " + i);
        }
        Admission refused = limits.admit("k", rpm, 0);
        assertEquals("requests", refused.refused());
        assertEquals(1_000_000_000L, refused.retryAfterNanos(), 1_000, "one request refills every second");
        now.addAndGet(1_000_000_000L);
        assertTrue(limits.admit("k", rpm, 0).admitted());
    }

    @Test
    void concurrentCallersNeverOvershoot() throws Exception {
        Limits rpm = new Limits(100, 0, 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> limits.admit("k", rpm, 0).admitted());
            }
            long admitted = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                admitted += f.get() ? 1 : 0;
            }
            assertEquals(100, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokensAreReservedThenCorrectedToActualUse() {
        Limits tpm = new Limits(0, 1000, 0);
        assertTrue(limits.admit("k", tpm, 800).admitted());
        assertEquals("tokens", limits.admit("k", tpm, 300).refused(), "800 reserved + 300 > 1000");
        limits.settle("k", 800, 100);
        assertTrue(limits.admit("k", tpm, 300).admitted(), "only 100 were really used");
        limits.settle("k", 300, 1200);
        assertEquals("tokens", limits.admit("k", tpm, 1).refused(), "overuse puts the key in debt");
    }

    @Test
    void aTokenRefusalDoesNotSpendARequest() {
        Limits both = new Limits(2, 100, 0);
        assertTrue(limits.admit("k", both, 100).admitted());
        assertEquals("tokens", limits.admit("k", both, 50).refused());
        limits.settle("k", 100, 0);
        assertTrue(limits.admit("k", both, 50).admitted(), "the refused request gave its request back");
        assertEquals("requests", limits.admit("k", both, 0).refused());
    }

    @Test
    void concurrencyLimitFreesOnSettle() {
        Limits one = new Limits(0, 0, 1);
        assertTrue(limits.admit("k", one, 0).admitted());
        assertEquals("concurrency", limits.admit("k", one, 0).refused());
        limits.settle("k", 0, 0);
        assertTrue(limits.admit("k", one, 0).admitted());
    }

    @Test
    void keysAreIndependentAndUnlimitedMeansNoHeaders() {
        Limits rpm = new Limits(1, 0, 0);
        assertTrue(limits.admit("a", rpm, 0).admitted());
        assertTrue(limits.admit("b", rpm, 0).admitted());
        Map<String, String> headers = new LinkedHashMap<>();
        RateLimitHeaders.write(limits.admit("c", Limits.NONE, 0), 0, headers::put);
        assertTrue(headers.isEmpty(), headers.toString());
    }

    @Test
    void headersFollowTheSeedAndOpenAi() {
        Limits both = new Limits(60, 1000, 0);
        limits.admit("k", both, 400);
        Map<String, String> headers = new LinkedHashMap<>();
        RateLimitHeaders.write(limits.peek("k", both), 1_700_000_000_000L, headers::put);
        assertEquals("60", headers.get("X-RateLimit-Limit"));
        assertEquals("59", headers.get("X-RateLimit-Remaining"));
        assertEquals("1700000001", headers.get("X-RateLimit-Reset"), "full again in one second");
        assertEquals("60", headers.get("x-ratelimit-limit-requests"));
        assertEquals("1s", headers.get("x-ratelimit-reset-requests"));
        assertEquals("1000", headers.get("x-ratelimit-limit-tokens"));
        assertEquals("600", headers.get("x-ratelimit-remaining-tokens"));
        assertEquals("24s", headers.get("x-ratelimit-reset-tokens"));
        assertNull(headers.get("Retry-After"));
    }

    @Test
    void refusalCarriesRetryAfterInSecondsAndMillis() {
        Limits rpm = new Limits(1, 0, 0);
        limits.admit("k", rpm, 0);
        Map<String, String> headers = new LinkedHashMap<>();
        RateLimitHeaders.write(limits.admit("k", rpm, 0), 0, headers::put);
        assertEquals("60", headers.get("Retry-After"));
        assertEquals("60000", headers.get("retry-after-ms"));
    }

    @Test
    void durationsLookLikeOpenAis() {
        assertEquals("0s", RateLimitHeaders.duration(0));
        assertEquals("20ms", RateLimitHeaders.duration(20_000_000));
        assertEquals("1s", RateLimitHeaders.duration(1_000_000_000));
        assertEquals("1.5s", RateLimitHeaders.duration(1_500_000_000));
        assertEquals("6m0s", RateLimitHeaders.duration(360_000_000_000L));
        assertEquals("1h0m0s", RateLimitHeaders.duration(3_600_000_000_000L));
        assertEquals("0.001ms", RateLimitHeaders.duration(1));
        assertEquals("12.35ms", RateLimitHeaders.duration(12_349_001));
        assertEquals("1.05s", RateLimitHeaders.duration(1_050_000_000));
        assertEquals("1.001s", RateLimitHeaders.duration(1_000_000_001));
        assertEquals("1m1.234s", RateLimitHeaders.duration(61_234_000_000L));
        assertEquals("2h5m0.1s", RateLimitHeaders.duration(7_500_100_000_000L));
    }
}
