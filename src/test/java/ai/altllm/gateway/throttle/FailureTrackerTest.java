package ai.altllm.gateway.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureTrackerTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(-5 * SECOND);
    /** 3 failures per 60 s, first wait 1 s, longest 8 s, at most 100 keys. */
    private final FailureTracker tracker = new FailureTracker(3, 60 * SECOND, SECOND, 8 * SECOND, 100, now::get);

    private void fail(String key) {
        assertEquals(0, tracker.admit(key), "admitted before failing");
        tracker.failed(key);
    }

    private void advance(long nanos) {
        now.addAndGet(nanos);
    }

    @Test
    void theLimitIsFreeThenTheKeyWaitsAndOthersDoNot() {
        fail("a");
        fail("a");
        assertEquals(0, tracker.admit("a"), "the third attempt may still run");
        tracker.failed("a");
        assertEquals(SECOND, tracker.admit("a"), "at the limit the key waits the first delay");
        assertEquals(0, tracker.admit("b"), "another key is not affected");
    }

    @Test
    void failuresSpreadOverTheWindowStillReachTheLimit() {
        fail("a");
        advance(5 * SECOND);
        fail("a");
        advance(5 * SECOND);
        fail("a");
        assertEquals(SECOND, tracker.admit("a"), "three failures in 10 s of a 60 s window");
    }

    @Test
    void eachFailureAtTheLimitDoublesTheWaitUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            fail("a");
        }
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long wait = tracker.admit("a");
            waits.add(wait / SECOND);
            advance(wait);
            fail("a");
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 8L, 8L), waits);
    }

    @Test
    void failuresDrainOverTheWindowButTheBackOffRemembersUntilTheKeyIsQuiet() {
        for (int i = 0; i < 3; i++) {
            fail("a");
        }
        advance(41 * SECOND);
        fail("a");
        fail("a");
        assertEquals(2 * SECOND, tracker.admit("a"), "40 s drained two failures; the third wait is doubled");
        advance(2 * SECOND + 60 * SECOND);
        assertEquals(0, tracker.admit("a"));
        tracker.release("a");
        assertEquals(0, tracker.size(), "a key quiet for a whole window is forgotten");
        for (int i = 0; i < 3; i++) {
            fail("a");
        }
        assertEquals(SECOND, tracker.admit("a"), "and starts again from the first delay");
    }

    @Test
    void successForgetsTheKeyAndAReleasedAttemptCountsNothing() {
        fail("a");
        fail("a");
        assertEquals(0, tracker.admit("a"));
        tracker.succeeded("a");
        assertEquals(0, tracker.size());
        assertEquals(0, tracker.admit("b"));
        tracker.release("b");
        assertEquals(0, tracker.size());
    }

    @Test
    void concurrentAttemptsCannotOutrunTheLimit() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, tracker.admit("a"), "attempt " + i + " in flight");
        }
        assertTrue(tracker.admit("a") > 0, "a fourth guess may not start before the first three have ended");
        tracker.failed("a");
        tracker.failed("a");
        tracker.failed("a");
        assertEquals(SECOND, tracker.admit("a"));
        advance(SECOND);
        assertEquals(0, tracker.admit("a"), "at the limit, one attempt at a time");
        assertTrue(tracker.admit("a") > 0);
    }

    @Test
    void aFloodOfKeysNeverGrowsBeyondTheCap() {
        for (int i = 0; i < 10_000; i++) {
            fail("random-" + i);
            assertTrue(tracker.size() <= 100, "size " + tracker.size());
        }
        fail("random-9999");
        fail("random-9999");
        assertEquals(SECOND, tracker.admit("random-9999"), "recent keys are still counted");
        fail("random-0");
        fail("random-0");
        assertEquals(0, tracker.admit("random-0"), "the oldest were forgotten to make room");
    }
}
