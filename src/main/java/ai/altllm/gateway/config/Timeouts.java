package ai.altllm.gateway.config;

/**
 * How long the gateway waits on one provider: to connect, for the first response byte, between bytes, and in all.
 *
 * @param connectMs TCP (and TLS) connect
 * @param firstByteMs from sending the request to the response headers
 * @param idleMs longest silence once the response has started, e.g. between two streamed chunks
 * @param totalMs the whole exchange, streamed answers included
 */
public record Timeouts(long connectMs, long firstByteMs, long idleMs, long totalMs) {

    /** Generous enough for slow reasoning models, short enough that a dead upstream is noticed. */
    public static final Timeouts DEFAULTS = new Timeouts(10_000, 120_000, 60_000, 600_000);
}
