package ai.altllm.gateway.config;

import java.net.URI;

/** One upstream provider: its protocol, where it lives, and the key the gateway uses to call it. */
public record ProviderConfig(String id, ProviderType type, URI baseUrl, Secret apiKey) {
}
