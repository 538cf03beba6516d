package ai.altllm.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes held by request bodies still arriving, across all of them: a bound so slow clients cannot fill the heap. */
final class BodyBudget {

    private final AtomicLong held = new AtomicLong();

    /** Takes {@code bytes} if the total stays within {@code limit}; false (and nothing taken) otherwise. */
    boolean take(long bytes, long limit) {
        while (true) {
            long now = held.get();
            if (now + bytes > limit) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void give(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }
}
