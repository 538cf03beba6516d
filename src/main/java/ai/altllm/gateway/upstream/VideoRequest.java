package ai.altllm.gateway.upstream;

/** A validated text-to-video request, as the gateway sends it to a provider. */
public record VideoRequest(String upstreamModel, String prompt, int durationSeconds, String resolution) {
}
