package ai.altllm.gateway.upstream;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.ProviderType;
import java.util.concurrent.CompletionStage;

/**
 * One provider's asynchronous video API. Every call is non-blocking; failures complete the stage exceptionally with
 * the {@link ai.altllm.gateway.errors.ApiException} the client should see.
 */
public interface VideoUpstream {

    boolean speaks(ProviderType type);

    CompletionStage<VideoJob> create(ProviderConfig provider, VideoRequest request);

    CompletionStage<VideoJob> status(ProviderConfig provider, String upstreamId);

    /** Cancels a job that has not started; completes exceptionally with a 409 where the provider cannot cancel. */
    CompletionStage<Void> cancel(ProviderConfig provider, String upstreamId);

    /** Streams the finished video of a job into the sink; the returned handle pauses, resumes or abandons it. */
    Download download(ProviderConfig provider, VideoJob job, ByteSink sink);
}
