package ai.altllm.gateway.chat;

import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** Runs a stream's writes, and says whether its container needs a nudge to send what it reports as written. */
@FunctionalInterface
interface FrameWriters extends Executor {

    /** The timer for {@link ClientStream}'s late-flush nudges on this sink, or {@code null} when none are needed. */
    default ScheduledExecutorService nudgesFor(SseEventSink sink) {
        return null;
    }
}
