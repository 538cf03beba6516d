package ai.altllm.gateway.video;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.VideoConfig;
import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.db.GeneratedSecrets;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.upstream.VideoStatus;
import ai.altllm.gateway.upstream.VideoUpstream;
import ai.altllm.gateway.web.Paging;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Video tasks as the endpoints use them: status tokens minted and checked, tasks found only for their owners, and
 * every state change delegated to the {@link TaskLifecycle}.
 */
@ApplicationScoped
public class VideoTasks {

    static final String PURPOSE = "video.task";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    Configuration configuration;

    @Inject
    Database database;

    @Inject
    VideoCredits credits;

    @Inject
    @Any
    Instance<VideoUpstream> upstreamBeans;

    /** The server's default pool: database and ledger work after a provider answered runs here, off its I/O threads. */
    @Resource
    ManagedExecutorService storage;

    private volatile StatusTokens tokens;
    private TaskRepository repository;
    private TaskLifecycle lifecycle;
    private volatile long tokenTtlSeconds;

    @PostConstruct
    void start() {
        VideoConfig video = configuration.get().video();
        sign(video);
        repository = new TaskRepository(database.dataSource());
        List<VideoUpstream> upstreams = upstreamBeans.stream().toList();
        lifecycle = new TaskLifecycle(repository, provider -> route(provider, upstreams), credits, Clock.systemUTC(),
                video.pollCacheMs(), storage);
    }

    /** Signing keys and token lifetime follow a reload; the poll cache's lifetime waits for a restart. */
    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) ConfigReload reload) {
        sign(reload.config().video());
    }

    private void sign(VideoConfig video) {
        if (video.ephemeral()) {
            // Kept in the database: tokens handed out must still verify after a restart and on every instance.
            byte[] key = new GeneratedSecrets(database.dataSource()).get("video_signing_key");
            tokens = new StatusTokens(Map.of("generated", key), "generated", Clock.systemUTC());
        } else {
            tokens = new StatusTokens(video.signingKeys(), video.activeKey(), Clock.systemUTC());
        }
        tokenTtlSeconds = video.tokenTtlSeconds();
    }

    private TaskLifecycle.Route route(String providerId, List<VideoUpstream> upstreams) {
        ProviderConfig provider = configuration.get().provider(providerId);
        VideoUpstream upstream = upstreams.stream().filter(u -> u.speaks(provider.type())).findFirst()
                .orElseThrow(() -> ErrorKind.UNAVAILABLE.error("video_not_supported", "model",
                        "This model's provider offers no video API the gateway speaks (openrouter or ark)."));
        if (!provider.apiKey().isPresent()) {
            throw ErrorKind.UNAVAILABLE.error("provider_not_configured", "This model is not "
                    + "available: the gateway operator must set the environment variable "
                    + provider.apiKey().missingVariable().orElse("of provider " + provider.id()));
        }
        return new TaskLifecycle.Route(provider, upstream);
    }

    /** Fails early (503) when a model's provider cannot run video tasks, before anything is stored or reserved. */
    void requireRoute(String provider) {
        lifecycle.route(provider);
    }

    CompletionStage<TaskLifecycle.Created> create(NewTask request, String idempotencyKey) {
        return lifecycle.create(request, idempotencyKey);
    }

    /** The token for a task: the same every time, as it is derived from the task's creation time. */
    public String token(VideoTask task) {
        return tokens.mint(new TaskClaim(task.id(), task.keyId(), task.accountId(), PURPOSE,
                task.createdAt().plusSeconds(tokenTtlSeconds)));
    }

    /**
     * The task a token names, if the token is genuine, current and held by its creating key or account; otherwise
     * the one 404 every bad token gets, so a caller learns nothing about why.
     */
    public VideoTask owned(String token, String keyId, String accountId) {
        return tokens.verify(token, PURPOSE, keyId, accountId)
                .flatMap(claim -> repository.find(claim.taskId())
                        .filter(t -> t.keyId().equals(claim.keyId()) && t.accountId().equals(claim.accountId())))
                .orElseThrow(VideoTasks::unknownTask);
    }

    /** A task of an account (all accounts when {@code accountId} is null, for the portal's admin). */
    public VideoTask ofAccount(String taskId, String accountId) {
        return repository.find(taskId).filter(t -> accountId == null || t.accountId().equals(accountId))
                .orElseThrow(VideoTasks::unknownTask);
    }

    static ApiException unknownTask() {
        return ErrorKind.NOT_FOUND.error("task_not_found",
                "No such video task, or its status token is invalid or expired.");
    }

    public CompletionStage<VideoTask> refresh(VideoTask task) {
        return lifecycle.refresh(task);
    }

    CompletionStage<VideoTask> cancel(VideoTask task) {
        return lifecycle.cancel(task);
    }

    public List<VideoTask> list(String accountId, VideoStatus status, int limit, Instant before, String beforeId) {
        return repository.list(accountId, status, limit, before, beforeId);
    }

    /** The provider route of a task, for downloading its video. */
    TaskLifecycle.Route routeOf(VideoTask task) {
        return lifecycle.route(task.provider());
    }

    /** A {@code status} query parameter; blank means any. */
    public static VideoStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return VideoStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "status must be one of queued, running, succeeded, failed, "
                    + "cancelled, expired");
        }
    }

    /** A {@code limit} query parameter, 1 to 100, default 20. */
    public static int limit(String value) {
        return Paging.limit(value, DEFAULT_LIMIT, MAX_LIMIT);
    }
}
