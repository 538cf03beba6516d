package ai.altllm.gateway.chat;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.shutdown.Drain;

/**
 * How a chat relay ended: what the client is told, the status the request is settled with, and whether the upstream
 * must be stopped.
 *
 * @param error what the client gets instead of an answer, or null
 * @param body the answer of a completed non-streamed request, or null
 */
record Outcome(Kind kind, ApiException error, String body) {

    /** The ways a relay can end. */
    enum Kind {
        /** The upstream answered in full. */
        COMPLETED,
        /** The upstream failed or gave an unusable answer, with no other deployment left to try. */
        FAILED,
        /** The client left before the answer was complete. */
        CLIENT_GONE,
        /** Shutdown's grace period ran out. */
        DRAINED,
        /** The first send threw: nothing reached the client, and the exception answers it. */
        NOT_STARTED
    }

    static Outcome completed() {
        return new Outcome(Kind.COMPLETED, null, null);
    }

    static Outcome completed(String body) {
        return new Outcome(Kind.COMPLETED, null, body);
    }

    static Outcome failed(ApiException error) {
        return new Outcome(Kind.FAILED, error, null);
    }

    static Outcome clientGone() {
        return new Outcome(Kind.CLIENT_GONE, null, null);
    }

    static Outcome drained() {
        return new Outcome(Kind.DRAINED, Drain.SHUTTING_DOWN, null);
    }

    static Outcome notStarted() {
        return new Outcome(Kind.NOT_STARTED, null, null);
    }

    /** The status of the usage event. */
    String status() {
        return switch (kind) {
            case COMPLETED -> "ok";
            case CLIENT_GONE -> "cancelled";
            default -> "failed";
        };
    }

    /** Whether the relay ends the upstream exchange itself: the client or the gateway stopped waiting for it. */
    boolean abandonsUpstream() {
        return kind == Kind.CLIENT_GONE || kind == Kind.DRAINED;
    }

    /** Whether the client is still there to be told how it ended. */
    boolean answersClient() {
        return kind != Kind.CLIENT_GONE && kind != Kind.NOT_STARTED;
    }
}
