package ai.altllm.gateway.limits.ratelimit;

import java.io.Serializable;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * One atomic step on a key's limit state in a cluster cache, run by the cache where the entry lives. The state is a
 * {@code long[]} (request TAT, token TAT, requests in flight, and the limits it was made for), so the cache needs no
 * class of ours to hold it; the answer is a {@code long[]} that {@link ClusterLimits} turns into an {@link Admission}.
 */
final class LimitProcessor implements EntryProcessor<String, long[], long[]>, Serializable {

    private static final long serialVersionUID = 1L;
    static final int ADMIT = 0;
    static final int SETTLE = 1;
    static final int PEEK = 2;
    /** Answer slot 0: admitted, or which limit refused. */
    static final long OK = 0;
    static final long REQUESTS = 1;
    static final long TOKENS = 2;
    static final long CONCURRENCY = 3;

    private final int op;
    private final long rpm;
    private final long tpm;
    private final long maxConcurrent;
    private final long tokens;
    private final long actual;
    private final long now;

    LimitProcessor(int op, Limits limits, long tokens, long actual, long now) {
        this.op = op;
        this.rpm = limits == null ? 0 : limits.requestsPerMinute();
        this.tpm = limits == null ? 0 : limits.tokensPerMinute();
        this.maxConcurrent = limits == null ? 0 : limits.maxConcurrent();
        this.tokens = tokens;
        this.actual = actual;
        this.now = now;
    }

    @Override
    public long[] process(MutableEntry<String, long[]> entry, Object... arguments) {
        long[] state = entry.exists() ? entry.getValue().clone() : null;
        if (op == SETTLE) {
            if (state != null) {
                if (state[4] > 0 && actual != tokens) {
                    state[1] = Gcra.adjusted(state[1], actual - tokens, now, state[4]);
                }
                state[2] = Math.max(0, state[2] - 1);
                entry.setValue(state);
            }
            return null;
        }
        if (state == null || state[3] != rpm || state[4] != tpm || state[5] != maxConcurrent) {
            // A changed limit starts afresh rather than reinterpreting old state.
            state = new long[] {Gcra.EMPTY, Gcra.EMPTY, 0, rpm, tpm, maxConcurrent};
        }
        if (op == PEEK) {
            return answer(OK, 0, state);
        }
        if (maxConcurrent > 0 && state[2] >= maxConcurrent) {
            return answer(CONCURRENCY, 1_000_000_000L, state);
        }
        long requestTat = state[0];
        if (rpm > 0) {
            requestTat = Gcra.next(requestTat, 1, now, rpm);
            if (requestTat < 0) {
                return answer(REQUESTS, -requestTat, state);
            }
        }
        long tokenTat = state[1];
        if (tpm > 0) {
            tokenTat = Gcra.next(tokenTat, tokens, now, tpm);
            if (tokenTat < 0) {
                return answer(TOKENS, -tokenTat, state);
            }
        }
        state[0] = requestTat;
        state[1] = tokenTat;
        state[2]++;
        entry.setValue(state);
        return answer(OK, 0, state);
    }

    private long[] answer(long verdict, long wait, long[] state) {
        return new long[] {verdict, wait, rpm, rpm > 0 ? Gcra.remaining(state[0], now, rpm) : 0,
            Gcra.untilFull(state[0], now), tpm, tpm > 0 ? Gcra.remaining(state[1], now, tpm) : 0,
            Gcra.untilFull(state[1], now)};
    }
}
