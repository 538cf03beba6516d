package ai.altllm.gateway.config;

/**
 * One place a model is served: a provider, the model name there, and its share of the traffic.
 *
 * @param weight relative share among deployments; 0 means failover only
 */
public record Deployment(String provider, String upstreamModel, long weight) {
}
