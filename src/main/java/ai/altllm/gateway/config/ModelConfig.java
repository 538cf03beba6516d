package ai.altllm.gateway.config;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One public model of the catalog and the upstreams that serve it.
 *
 * @param provider the first deployment's provider
 * @param upstreamModel the first deployment's model name
 * @param publicView the metadata clients see in {@code /v1/models}, already in its wire shape
 * @param deployments every place the model is served, the first being {@code provider}/{@code upstreamModel}
 * @param extraParams request fields beyond OpenAI's that this model's providers may receive ({@code extra_params})
 * @param promptPrice credits per prompt token, from {@code pricing.prompt} (zero when unpriced)
 * @param completionPrice credits per completion token, from {@code pricing.completion} (zero when unpriced)
 */
public record ModelConfig(String id, String provider, String upstreamModel, Set<String> features,
        JsonObject publicView, List<Deployment> deployments, Set<String> extraParams, BigDecimal promptPrice,
        BigDecimal completionPrice) {

    /** Token prices are read from the public view once here, because every chat request prices itself twice. */
    public ModelConfig(String id, String provider, String upstreamModel, Set<String> features, JsonObject publicView,
            List<Deployment> deployments, Set<String> extraParams) {
        this(id, provider, upstreamModel, features, publicView, deployments, extraParams, price(publicView, "prompt"),
                price(publicView, "completion"));
    }

    /** A model served by a single deployment, accepting no {@code extra_params}. */
    public ModelConfig(String id, String provider, String upstreamModel, Set<String> features, JsonObject publicView) {
        this(id, provider, upstreamModel, features, publicView, List.of(new Deployment(provider, upstreamModel, 1)),
                Set.of());
    }

    public boolean supports(String feature) {
        return features.contains(feature);
    }

    private static BigDecimal price(JsonObject publicView, String field) {
        return publicView.get("pricing") instanceof JsonObject pricing && pricing.get(field) instanceof JsonString s
                ? new BigDecimal(s.getString()) : BigDecimal.ZERO;
    }
}
