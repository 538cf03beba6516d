package ai.altllm.gateway.config;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole gateway configuration as read from one JSON file.
 *
 * @param source the file it came from, for messages
 * @param database the {@code database} section, or {@code null} for the embedded database
 * @param raw the parsed document, for sections read by their own components
 */
public record GatewayConfig(String source, Map<String, ProviderConfig> providers, List<ModelConfig> models,
        DatabaseConfig database, JsonObject raw) {

    public Optional<ModelConfig> model(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public ProviderConfig provider(String id) {
        return providers.get(id);
    }
}
