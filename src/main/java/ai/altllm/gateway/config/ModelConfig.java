package ai.altllm.gateway.config;

import jakarta.json.JsonObject;
import java.util.Set;

/**
 * One public model of the catalog and the upstream that serves it.
 *
 * @param publicView the metadata clients see in {@code /v1/models}, already in its wire shape
 */
public record ModelConfig(String id, String provider, String upstreamModel, Set<String> features,
        JsonObject publicView) {

    public boolean supports(String feature) {
        return features.contains(feature);
    }
}
