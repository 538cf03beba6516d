package ai.altllm.gateway.upstream;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.ProviderType;

/** One upstream chat protocol: which providers it serves and how a chat request is sent to them. */
public interface ChatUpstream {

    boolean speaks(ProviderType type);

    /**
     * Sends an already-serialized chat request without blocking; the answer (each SSE event's data when
     * {@code stream}, else the whole JSON body) and exactly one end or failure arrive on the listener.
     */
    Exchange send(ProviderConfig provider, byte[] body, boolean stream, UpstreamListener listener);
}
