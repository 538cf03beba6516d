package ai.altllm.gateway.chat;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's side of one SSE answer. {@code SseEventSink} writes block while a client is not reading, so frames are
 * written in order on the writer pool, never on the upstream's I/O threads (which serve every other stream too), and
 * the upstream is held back while too much waits for a slow reader.
 *
 * <p>Each write is awaited before the next starts. Jersey's sends complete before they return; RESTEasy's (WildFly)
 * complete later, and a send made while its first write is still under way goes to a queue that nothing may drain
 * until a later send, which held a frame back for seconds. One write at a time never meets that queue.
 *
 * <p>Even so, RESTEasy on Undertow (WildFly 35) now and then completes a send whose bytes stay in the container until
 * the next write (about 1 stream in 150 in the smoke suite, the last frames held until {@code [DONE]}). On such
 * containers ({@link FrameWriters#nudgesFor}) a stream that has written nothing for {@link #NUDGE_MILLIS} after a frame
 * writes one SSE comment line, which every client ignores and which pushes out whatever was held.
 */
final class ClientStream {

    /** Characters waiting for the client above which the upstream is paused, and below which it resumes. */
    static final long HIGH_WATER = 256 * 1024;
    static final long LOW_WATER = 64 * 1024;
    /** How long one write may wait for a client that reads nothing before the client counts as gone. */
    static final long WRITE_TIMEOUT_SECONDS = 60;
    /** How long a stream on a container that needs nudges stays quiet after a frame before it writes a comment. */
    static final long NUDGE_MILLIS = 50;
    /** Queued after the last frame; compared by identity. */
    private static final Frame CLOSE = new Frame(null, "");
    /** Queued by a nudge: written as an empty SSE comment; compared by identity. */
    private static final Frame NUDGE = new Frame(null, "");

    private final SseEventSink sink;
    private final Sse sse;
    private final Executor writer;
    private final Runnable gone;
    private final Runnable drained;
    private final ConcurrentLinkedQueue<Frame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean lost;
    private volatile boolean closed;
    /** Null when the container sends what it reports as written. */
    private final ScheduledExecutorService nudges;
    private final AtomicBoolean nudgeArmed = new AtomicBoolean();
    /** Frames written so far, and how many had been written when the last nudge went out. */
    private final AtomicLong framesWritten = new AtomicLong();
    private volatile long nudgedAt;

    /**
     * @param gone told once, on a writer thread, when a write fails because the client has left (or has read nothing
     *     for {@link #WRITE_TIMEOUT_SECONDS})
     * @param drained told, on a writer thread, when a paused stream has drained enough to take more
     */
    ClientStream(SseEventSink sink, Sse sse, FrameWriters writer, Runnable gone, Runnable drained) {
        this.sink = sink;
        this.sse = sse;
        this.writer = writer;
        this.nudges = writer.nudgesFor(sink);
        this.gone = gone;
        this.drained = drained;
    }

    /** Queues one frame's data; never blocks. */
    void send(String data) {
        queue(new Frame(null, data));
    }

    /**
     * Queues an error frame, named {@code error}: some clients (LangChain4j) take only a named event as a failure and
     * would end a failed stream as a normal, truncated answer; the OpenAI SDKs raise on it too.
     */
    void sendError(String envelope) {
        queue(new Frame("error", envelope));
    }

    private void queue(Frame frame) {
        String data = frame.data();
        if (lost) {
            return;
        }
        if (pending.addAndGet(data.length()) > HIGH_WATER) {
            paused = true;
            // The writer may have drained everything between the add and the flag; then nobody would resume.
            if (pending.get() < LOW_WATER) {
                paused = false;
            }
        }
        queue.add(frame);
        schedule();
    }

    /** Closes the stream after the frames already queued. */
    void close() {
        closed = true;
        queue.add(CLOSE);
        schedule();
    }

    /** Whether the upstream may deliver more now. */
    boolean ready() {
        return !paused;
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                draining.set(false);
                clientLost();
            }
        }
    }

    private void drain() {
        do {
            for (Frame next = queue.poll(); next != null; next = queue.poll()) {
                if (next == CLOSE) {
                    sink.close();
                } else if (next != NUDGE || !closed) {
                    write(next);
                }
            }
            draining.set(false);
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
        armNudge();
    }

    /** After the queue ran dry: one timer per stream at a time, and none once a nudge followed the last frame. */
    private void armNudge() {
        if (nudges != null && !closed && !lost && framesWritten.get() != nudgedAt
                && nudgeArmed.compareAndSet(false, true)) {
            long seen = framesWritten.get();
            try {
                nudges.schedule(() -> nudge(seen), NUDGE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                nudgeArmed.set(false);
            }
        }
    }

    private void nudge(long seen) {
        nudgeArmed.set(false);
        long now = framesWritten.get();
        if (now != seen || draining.get()) {
            // Frames went out since the timer was set: wait for the stream to go quiet after the latest.
            armNudge();
        } else if (!closed && !lost && now != nudgedAt) {
            nudgedAt = now;
            queue.add(NUDGE);
            schedule();
        }
    }

    private void write(Frame frame) {
        String data = frame.data();
        if (!lost) {
            try {
                sink.send(event(frame)).toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (frame != NUDGE) {
                    framesWritten.incrementAndGet();
                }
            } catch (ExecutionException | TimeoutException | RuntimeException failedOrClosed) {
                clientLost();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                clientLost();
            }
        }
        if (pending.addAndGet(-data.length()) < LOW_WATER && paused) {
            paused = false;
            drained.run();
        }
    }

    private OutboundSseEvent event(Frame frame) {
        if (frame == NUDGE) {
            return sse.newEventBuilder().comment("").build();
        }
        return frame.name() == null ? sse.newEvent(frame.data()) : sse.newEvent(frame.name(), frame.data());
    }

    private void clientLost() {
        if (!lost) {
            lost = true;
            queue.clear();
            gone.run();
        }
    }

    /** One queued frame: its event name ({@code null} for none) and data. */
    private record Frame(String name, String data) {
    }
}
