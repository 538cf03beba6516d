package ai.altllm.gateway.config;

import ai.altllm.gateway.routing.Deployment;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * One public model of the catalog and the upstreams that serve it.
 *
 * @param provider the first deployment's provider
 * @param upstreamModel the first deployment's model name
 * @param publicView the metadata clients see in {@code /v1/models}, already in its wire shape
 * @param deployments every place the model is served, the first being {@code provider}/{@code upstreamModel}
 */
public record ModelConfig(String id, String provider, String upstreamModel, Set<String> features,
        JsonObject publicView, List<Deployment> deployments) {

    /** A model served by a single deployment. */
    public ModelConfig(String id, String provider, String upstreamModel, Set<String> features, JsonObject publicView) {
        this(id, provider, upstreamModel, features, publicView, List.of(new Deployment(provider, upstreamModel, 1)));
    }

    public boolean supports(String feature) {
        return features.contains(feature);
    }
}
