package ai.altllm.gateway.limits.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.altllm.gateway.testsupport.MapEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** The cluster's entry processor must decide exactly as the in-memory limiter does. */
class LimitProcessorTest {

    private static final long NOW = 1_800_000_000_000_000_000L;
    private final MapEntry<String, long[]> entry = new MapEntry<>("k");

    private long[] run(int op, Limits limits, long tokens, long actual, long now) {
        return new LimitProcessor(op, limits, tokens, actual, now).process(entry);
    }

    @Test
    void requestsPerMinuteAdmitsTheLimitThenRefusesLikeTheLocalLimiter() {
        Limits rpm = new Limits(60, 0, 0);
        for (int i = 0; i < 60; i++) {
            assertEquals(LimitProcessor.OK, run(LimitProcessor.ADMIT, rpm, 0, 0, NOW)[0], "request " + i);
        }
        long[] refused = run(LimitProcessor.ADMIT, rpm, 0, 0, NOW);
        assertEquals(LimitProcessor.REQUESTS, refused[0]);
        assertEquals(1_000_000_000L, refused[1], 1_000);
        assertEquals(0, refused[3], "none remaining");
        assertEquals(LimitProcessor.OK, run(LimitProcessor.ADMIT, rpm, 0, 0, NOW + 1_000_000_000L)[0]);
    }

    @Test
    void tokensReservedThenCorrectedAndConcurrencyFreedOnSettle() {
        Limits limits = new Limits(0, 1000, 1);
        assertEquals(LimitProcessor.OK, run(LimitProcessor.ADMIT, limits, 800, 0, NOW)[0]);
        assertEquals(LimitProcessor.CONCURRENCY, run(LimitProcessor.ADMIT, limits, 100, 0, NOW)[0]);
        run(LimitProcessor.SETTLE, null, 800, 100, NOW);
        long[] admitted = run(LimitProcessor.ADMIT, limits, 850, 0, NOW);
        assertEquals(LimitProcessor.OK, admitted[0], "only 100 were really used");
        assertEquals(50, admitted[6], 1);
        run(LimitProcessor.SETTLE, null, 850, 850, NOW);
        assertEquals(LimitProcessor.TOKENS, run(LimitProcessor.ADMIT, limits, 100, 0, NOW)[0]);
    }

    @Test
    void aRefusalChangesNothingAndAPeekReportsTheWindows() {
        Limits limits = new Limits(2, 100, 0);
        run(LimitProcessor.ADMIT, limits, 100, 0, NOW);
        long[] before = entry.getValue().clone();
        assertEquals(LimitProcessor.TOKENS, run(LimitProcessor.ADMIT, limits, 50, 0, NOW)[0]);
        assertEquals(before[0], entry.getValue()[0], "the refused request spent no request");
        long[] peek = run(LimitProcessor.PEEK, limits, 0, 0, NOW);
        assertEquals(2, peek[2]);
        assertEquals(1, peek[3]);
        assertEquals(100, peek[5]);
        assertEquals(0, peek[6]);
    }

    @Test
    void processorsSurviveSerializationAsTheClusterSendsThem() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LimitProcessor(LimitProcessor.ADMIT, new Limits(1, 0, 0), 0, 0, NOW));
        }
        LimitProcessor copy = (LimitProcessor) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))
                .readObject();
        assertEquals(LimitProcessor.OK, copy.process(entry)[0]);
        assertEquals(LimitProcessor.REQUESTS, copy.process(entry)[0], "the copy kept its limit of 1 per minute");
    }
}
