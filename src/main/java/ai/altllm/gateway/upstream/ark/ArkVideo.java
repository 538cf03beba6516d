package ai.altllm.gateway.upstream.ark;

import static ai.altllm.gateway.json.Jsonp.JSON;
import static ai.altllm.gateway.upstream.VideoAnswers.jobId;
import static ai.altllm.gateway.upstream.VideoAnswers.key;
import static ai.altllm.gateway.upstream.VideoAnswers.uri;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.ProviderType;
import ai.altllm.gateway.upstream.ByteSink;
import ai.altllm.gateway.upstream.Download;
import ai.altllm.gateway.upstream.HttpTransport;
import ai.altllm.gateway.upstream.UpstreamErrors;
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
import java.util.concurrent.CompletionStage;

/**
 * Ark content-generation tasks under the provider's {@code base_url} (e.g.
 * {@code https://ark.ap-southeast.bytepluses.com/api/v3}). Duration and resolution travel as Seedance's text
 * commands after the prompt, the form every Seedance version on Ark accepts.
 */
@ApplicationScoped
public class ArkVideo implements VideoUpstream {

    private static final String TASKS = "/contents/generations/tasks";

    @Inject
    HttpTransport transport;

    @Override
    public boolean speaks(ProviderType type) {
        return type == ProviderType.ARK;
    }

    @Override
    public CompletionStage<VideoJob> create(ProviderConfig provider, VideoRequest request) {
        String text = request.prompt() + " --resolution " + request.resolution() + " --duration "
                + request.durationSeconds();
        byte[] body = JSON.createObjectBuilder().add("model", request.upstreamModel())
                .add("content", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("type", "text")
                        .add("text", text)))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        // Ark answers a create with the id alone: a new task is queued.
        return VideoAnswers.read(transport.json("POST", uri(provider, TASKS), key(provider), body,
                provider.timeouts()),
                answer -> new VideoJob(jobId(answer, null), VideoStatus.QUEUED, null, null, null));
    }

    @Override
    public CompletionStage<VideoJob> status(ProviderConfig provider, String upstreamId) {
        return VideoAnswers.read(transport.json("GET", uri(provider, TASKS, upstreamId), key(provider), null,
                provider.timeouts()), answer -> job(answer, upstreamId));
    }

    /** Ark cancels a task that is still queued; a running one answers 4xx, passed on as it is. */
    @Override
    public CompletionStage<Void> cancel(ProviderConfig provider, String upstreamId) {
        return transport.json("DELETE", uri(provider, TASKS, upstreamId), key(provider), null, provider.timeouts())
                .thenApply(ignored -> null);
    }

    /** The video lives at a signed storage URL: fetched without the provider key, which it must never see. */
    @Override
    public Download download(ProviderConfig provider, VideoJob job, ByteSink sink) {
        URI video = job.videoUrl() == null ? null : URI.create(job.videoUrl());
        if (video == null || !("https".equals(video.getScheme()) || "http".equals(video.getScheme()))) {
            sink.fail(UpstreamErrors.malformed("the finished task names no downloadable video"));
            return new Download() {
                @Override
                public void resume() {
                }

                @Override
                public void cancel() {
                }
            };
        }
        return transport.download(video, null, provider.timeouts(), sink);
    }

    static VideoJob job(JsonObject answer, String knownId) {
        String status = VideoAnswers.text(answer, "status");
        VideoStatus mapped = switch (status == null ? "" : status) {
            case "queued" -> VideoStatus.QUEUED;
            case "running" -> VideoStatus.RUNNING;
            case "succeeded" -> VideoStatus.SUCCEEDED;
            case "failed" -> VideoStatus.FAILED;
            case "cancelled" -> VideoStatus.CANCELLED;
            case "expired" -> VideoStatus.EXPIRED;
            default -> throw VideoAnswers.unknownStatus(status);
        };
        String url = answer.get("content") instanceof JsonObject content ? VideoAnswers.text(content, "video_url")
                : null;
        String error = answer.get("error") instanceof JsonObject e ? VideoAnswers.text(e, "message") : null;
        if (mapped == VideoStatus.SUCCEEDED && url == null) {
            throw UpstreamErrors.malformed("a succeeded task without content.video_url");
        }
        return new VideoJob(jobId(answer, knownId), mapped, mapped == VideoStatus.SUCCEEDED ? Integer.valueOf(100)
                : VideoAnswers.progress(answer), url, error);
    }
}
