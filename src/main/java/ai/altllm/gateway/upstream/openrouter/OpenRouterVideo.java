package ai.altllm.gateway.upstream.openrouter;

import static ai.altllm.gateway.json.Jsonp.JSON;
import static ai.altllm.gateway.upstream.VideoAnswers.jobId;
import static ai.altllm.gateway.upstream.VideoAnswers.key;
import static ai.altllm.gateway.upstream.VideoAnswers.uri;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.ProviderType;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.upstream.ByteSink;
import ai.altllm.gateway.upstream.Download;
import ai.altllm.gateway.upstream.HttpTransport;
import ai.altllm.gateway.upstream.VideoAnswers;
import ai.altllm.gateway.upstream.VideoJob;
import ai.altllm.gateway.upstream.VideoRequest;
import ai.altllm.gateway.upstream.VideoStatus;
import ai.altllm.gateway.upstream.VideoUpstream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** OpenRouter's video API under the provider's {@code base_url} (e.g. {@code https://openrouter.ai/api/v1}). */
@ApplicationScoped
public class OpenRouterVideo implements VideoUpstream {

    @Inject
    HttpTransport transport;

    @Override
    public boolean speaks(ProviderType type) {
        return type == ProviderType.OPENROUTER;
    }

    @Override
    public CompletionStage<VideoJob> create(ProviderConfig provider, VideoRequest request) {
        byte[] body = JSON.createObjectBuilder().add("model", request.upstreamModel()).add("prompt", request.prompt())
                .add("duration", request.durationSeconds()).add("resolution", request.resolution()).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        return VideoAnswers.read(transport.json("POST", uri(provider, "/videos"), key(provider), body,
                provider.timeouts()), answer -> job(answer, null));
    }

    @Override
    public CompletionStage<VideoJob> status(ProviderConfig provider, String upstreamId) {
        return VideoAnswers.read(transport.json("GET", uri(provider, "/videos", upstreamId), key(provider), null,
                provider.timeouts()), answer -> job(answer, upstreamId));
    }

    /** OpenRouter offers no way to cancel a submitted job. */
    @Override
    public CompletionStage<Void> cancel(ProviderConfig provider, String upstreamId) {
        return CompletableFuture.failedFuture(ErrorKind.CONFLICT.error("cancel_not_supported",
                "This model's provider cannot cancel a submitted task; it will run to the end."));
    }

    @Override
    public Download download(ProviderConfig provider, VideoJob job, ByteSink sink) {
        URI content = URI.create(uri(provider, "/videos", job.upstreamId()) + "/content?index=0");
        return transport.download(content, key(provider), provider.timeouts(), sink);
    }

    static VideoJob job(JsonObject answer, String knownId) {
        String status = VideoAnswers.text(answer, "status");
        VideoStatus mapped = switch (status == null ? "" : status) {
            case "pending", "queued" -> VideoStatus.QUEUED;
            case "in_progress", "processing" -> VideoStatus.RUNNING;
            case "completed" -> VideoStatus.SUCCEEDED;
            case "failed" -> VideoStatus.FAILED;
            case "cancelled" -> VideoStatus.CANCELLED;
            case "expired" -> VideoStatus.EXPIRED;
            default -> throw VideoAnswers.unknownStatus(status);
        };
        Integer progress = VideoAnswers.progress(answer);
        return new VideoJob(jobId(answer, knownId), mapped, mapped == VideoStatus.SUCCEEDED ? Integer.valueOf(100)
                : progress, null, VideoAnswers.text(answer, "error"));
    }
}
