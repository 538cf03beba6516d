package ai.altllm.gateway.limits.ratelimit;

import java.util.concurrent.atomic.AtomicInteger;

/** All limits of one API key; tokens are reserved at admission and corrected when the request settles. */
final class KeyLimiter {

    private final Limits limits;
    private final Gcra requests;
    private final Gcra tokens;
    private final AtomicInteger inFlight = new AtomicInteger();

    KeyLimiter(Limits limits) {
        this.limits = limits;
        this.requests = limits.requestsPerMinute() > 0 ? new Gcra(limits.requestsPerMinute()) : null;
        this.tokens = limits.tokensPerMinute() > 0 ? new Gcra(limits.tokensPerMinute()) : null;
    }

    Limits limits() {
        return limits;
    }

    Admission admit(long reservedTokens, long now) {
        if (limits.maxConcurrent() > 0 && inFlight.incrementAndGet() > limits.maxConcurrent()) {
            inFlight.decrementAndGet();
            return refuse("concurrency", 1_000_000_000L, now);
        }
        long wait = requests == null ? 0 : requests.tryTake(1, now);
        if (wait > 0) {
            release();
            return refuse("requests", wait, now);
        }
        wait = tokens == null ? 0 : tokens.tryTake(reservedTokens, now);
        if (wait > 0) {
            if (requests != null) {
                requests.adjust(-1, now);
            }
            release();
            return refuse("tokens", wait, now);
        }
        return new Admission(null, 0, window(requests, now), window(tokens, now));
    }

    void settle(long reservedTokens, long actualTokens, long now) {
        if (tokens != null && actualTokens != reservedTokens) {
            tokens.adjust(actualTokens - reservedTokens, now);
        }
        release();
    }

    Admission peek(long now) {
        return new Admission(null, 0, window(requests, now), window(tokens, now));
    }

    private void release() {
        if (limits.maxConcurrent() > 0) {
            inFlight.decrementAndGet();
        }
    }

    private Admission refuse(String which, long wait, long now) {
        return new Admission(which, wait, window(requests, now), window(tokens, now));
    }

    private static Admission.Window window(Gcra gcra, long now) {
        return gcra == null ? Admission.Window.UNLIMITED
                : new Admission.Window(gcra.limit(), gcra.remaining(now), gcra.untilFull(now));
    }
}
