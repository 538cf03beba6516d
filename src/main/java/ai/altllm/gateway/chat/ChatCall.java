package ai.altllm.gateway.chat;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.upstream.ChatUpstream;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.UpstreamListener;

/**
 * One validated chat request, ready to send.
 *
 * @param body the upstream request, serialized once
 * @param quotedModel the public model id as a JSON string, spliced into every answer
 * @param includeUsage whether the client asked for the usage chunk
 */
record ChatCall(ChatUpstream upstream, ProviderConfig provider, byte[] body, String quotedModel, boolean includeUsage,
        Settlement settlement) {

    Exchange send(boolean stream, UpstreamListener listener) {
        return upstream.send(provider, body, stream, listener);
    }
}
