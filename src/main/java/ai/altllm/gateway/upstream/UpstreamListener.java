package ai.altllm.gateway.upstream;

import ai.altllm.gateway.errors.ApiException;

/** Receives an upstream answer as it arrives, on the client's I/O threads; must never block. */
public interface UpstreamListener {

    /** One SSE event's data (streaming), or the complete JSON body of a successful non-streamed answer. */
    void onData(String data);

    /** The upstream finished normally. */
    void onComplete();

    /** The upstream failed; the exception is already what the client should see. */
    void onFailure(ApiException failure);

    /**
     * Whether more data may be read now. When false, the exchange stops reading (the provider's TCP window fills and
     * it slows down) until {@link Exchange#resume()}; a few more kilobytes already read may still arrive.
     */
    default boolean ready() {
        return true;
    }
}
