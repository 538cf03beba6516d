package ai.altllm.gateway.config;

/** One place a public model is served: a provider, the model name there, and its share of the traffic. */
public record Deployment(String provider, String upstreamModel, int weight) {

    public Deployment {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1");
        }
    }

    /** A stable name for logs, metrics and breaker state. */
    public String name() {
        return provider + "/" + upstreamModel;
    }
}
