package ai.altllm.gateway.config;

import java.net.URI;

/** One upstream provider: its protocol, where it lives, the key the gateway uses to call it, and how long to wait. */
public record ProviderConfig(String id, ProviderType type, URI baseUrl, Secret apiKey, Timeouts timeouts) {
}
