package ai.altllm.gateway.upstream.openai;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.ProviderType;
import ai.altllm.gateway.upstream.ChatUpstream;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.HttpTransport;
import ai.altllm.gateway.upstream.UpstreamListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/** OpenAI-compatible chat: {@code POST {base_url}/chat/completions} with {@code Authorization: Bearer <key>}. */
@ApplicationScoped
public class OpenAiChat implements ChatUpstream {

    @Inject
    HttpTransport transport;

    /** Every provider type the gateway knows speaks OpenAI-compatible chat; they differ only for video. */
    @Override
    public boolean speaks(ProviderType type) {
        return true;
    }

    @Override
    public Exchange send(ProviderConfig provider, byte[] body, boolean stream, UpstreamListener listener) {
        String base = provider.baseUrl().toString();
        URI uri = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        String key = provider.apiKey().value()
                .orElseThrow(() -> new IllegalStateException("provider " + provider.id() + " has no key"));
        return transport.postJson(uri, key, body, provider.timeouts(), stream, listener);
    }
}
