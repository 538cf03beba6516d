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
}
