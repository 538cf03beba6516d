package ai.altllm.gateway.shutdown;

/** A running request that can be ended early when the grace period is over: a stream or a pending answer. */
public interface InFlight {

    /** Ends the request now with a 503 {@code shutting_down} error (an error frame and [DONE] for a stream). */
    void abort();

    /** Whether this is an SSE stream (counted as an active stream). */
    boolean streaming();
}
