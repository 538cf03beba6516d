package ai.altllm.gateway.upstream;

/**
 * What a provider says about one video job, already in the gateway's status model.
 *
 * @param progress percent done (0 to 100) when the provider reports it, else {@code null}
 * @param videoUrl where the provider serves the finished video, if it names one; never shown to clients
 * @param error the provider's reason for a failure, else {@code null}
 */
public record VideoJob(String upstreamId, VideoStatus status, Integer progress, String videoUrl, String error) {
}
