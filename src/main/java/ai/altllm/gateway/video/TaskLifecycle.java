package ai.altllm.gateway.video;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.upstream.VideoStatus;
import ai.altllm.gateway.upstream.VideoUpstream;
import ai.altllm.gateway.video.VideoTask.CreditState;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A video task from create to its end: persisted before the provider is called (so a retried create finds it),
 * refreshed from the provider at most once per cache period, and its credits settled or refunded exactly once.
 */
final class TaskLifecycle {

    /** The provider serving a task and the adapter that speaks its video API. */
    record Route(ProviderConfig provider, VideoUpstream upstream) {
    }

    /** A task as create answers it: {@code existing} when an Idempotency-Key retry found an earlier one. */
    record Created(VideoTask task, boolean existing) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Far longer than any provider's create call may take (its total timeout defaults to 10 minutes). */
    static final Duration ABANDONED_CREATE = Duration.ofMinutes(30);

    private final TaskRepository tasks;
    private final Function<String, Route> routes;
    private final VideoCredits credits;
    private final Clock clock;
    private final long pollCacheMs;
    private final Executor storage;
    /** Polls of one task that arrive together share one provider call. */
    private final ConcurrentHashMap<String, CompletableFuture<VideoTask>> refreshing = new ConcurrentHashMap<>();

    /**
     * @param storage runs what follows a provider's answer (database writes, ledger calls), so that they never block
     *     the HTTP client's I/O threads, on which the answer arrives
     */
    TaskLifecycle(TaskRepository tasks, Function<String, Route> routes, VideoCredits credits, Clock clock,
            long pollCacheMs, Executor storage) {
        this.tasks = tasks;
        this.routes = routes;
        this.credits = credits;
        this.clock = clock;
        this.pollCacheMs = pollCacheMs;
        this.storage = storage;
    }

    CompletionStage<Created> create(NewTask request, String idempotencyKey) {
        String fingerprint = request.fingerprint();
        if (idempotencyKey != null) {
            var prior = tasks.byIdempotencyKey(request.keyId(), idempotencyKey);
            if (prior.isPresent()) {
                return CompletableFuture.completedFuture(retried(prior.get(), fingerprint));
            }
        }
        Route route = routes.apply(request.provider());
        Instant now = clock.instant();
        VideoTask task = new VideoTask(newId(), request.keyId(), request.accountId(), request.model(),
                request.provider(), null, request.request().prompt(), request.request().durationSeconds(),
                request.request().resolution(), VideoStatus.QUEUED, null, null, null, request.estimate(), null,
                CreditState.RESERVED, now, now, null);
        if (!tasks.insert(task, idempotencyKey, fingerprint)) {
            return CompletableFuture.completedFuture(retried(tasks.byIdempotencyKey(request.keyId(), idempotencyKey)
                    .orElseThrow(), fingerprint));
        }
        try {
            credits.reserve(hold(task));
        } catch (RuntimeException refused) {
            // Nothing was held, so closing the row without a refund call keeps the ledger balanced.
            tasks.refreshed(task.id(), VideoStatus.FAILED, null, null, refused.getMessage(), clock.instant());
            tasks.closeCredits(task.id(), CreditState.REFUNDED, BigDecimal.ZERO);
            throw refused;
        }
        return route.upstream().create(route.provider(), request.request()).handleAsync((job, failure) -> {
            if (failure != null) {
                ApiException reason = apiException(failure);
                tasks.refreshed(task.id(), VideoStatus.FAILED, null, null, reason.getMessage(), clock.instant());
                closeCredits(load(task.id()));
                throw new CompletionException(reason);
            }
            tasks.accepted(task.id(), job, clock.instant());
            return new Created(closeCredits(load(task.id())), false);
        }, storage);
    }

    private static Created retried(TaskRepository.Prior prior, String fingerprint) {
        if (!prior.requestHash().equals(fingerprint)) {
            throw ErrorKind.CONFLICT.error("idempotency_key_reused", "This "
                    + "Idempotency-Key was already used for a different request; use a new key for a new task.");
        }
        return new Created(prior.task(), true);
    }

    /** The task as the provider sees it now, asking the provider only when the cached answer is too old. */
    CompletionStage<VideoTask> refresh(VideoTask task) {
        if (task.upstreamId() == null && !task.status().terminal()
                && clock.instant().isAfter(task.createdAt().plus(ABANDONED_CREATE))) {
            // The gateway stopped between storing the task and hearing from the provider: nothing runs upstream
            // under this task's name, so it ends here and its hold is released.
            tasks.refreshed(task.id(), VideoStatus.FAILED, null, null, "The provider never accepted the task.",
                    clock.instant());
            return CompletableFuture.completedFuture(closeCredits(load(task.id())));
        }
        if (task.status().terminal() || task.upstreamId() == null || isFresh(task)) {
            return CompletableFuture.completedFuture(closeCredits(task));
        }
        CompletableFuture<VideoTask> mine = new CompletableFuture<>();
        CompletableFuture<VideoTask> running = refreshing.putIfAbsent(task.id(), mine);
        if (running != null) {
            return running;
        }
        Route route = routes.apply(task.provider());
        route.upstream().status(route.provider(), task.upstreamId()).whenCompleteAsync((job, failure) -> {
            refreshing.remove(task.id(), mine);
            try {
                if (failure != null) {
                    mine.completeExceptionally(apiException(failure));
                    return;
                }
                tasks.refreshed(task.id(), job.status(), job.progress(), job.videoUrl(), job.error(), clock.instant());
                mine.complete(closeCredits(load(task.id())));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
        }, storage);
        return mine;
    }

    private boolean isFresh(VideoTask task) {
        return task.refreshedAt() != null
                && clock.instant().isBefore(task.refreshedAt().plusMillis(pollCacheMs));
    }

    /** Cancels a task the provider has not started; a started or finished task answers 409. */
    CompletionStage<VideoTask> cancel(VideoTask task) {
        if (task.status() != VideoStatus.QUEUED || task.upstreamId() == null) {
            throw ErrorKind.CONFLICT.error("task_not_cancellable",
                    "Only a queued task can be cancelled; this one is " + task.status().wire() + ".");
        }
        Route route = routes.apply(task.provider());
        return route.upstream().cancel(route.provider(), task.upstreamId()).thenApplyAsync(ignored -> {
            tasks.refreshed(task.id(), VideoStatus.CANCELLED, task.progress(), null, null, clock.instant());
            return closeCredits(load(task.id()));
        }, storage);
    }

    /**
     * Settles a finished task's credits, or refunds them, once: only the caller whose conditional update moved the
     * row out of RESERVED talks to the ledger, however many polls see the task end at the same moment. Returns the
     * task as it now stands.
     */
    VideoTask closeCredits(VideoTask task) {
        if (!task.status().terminal() || task.creditState() != CreditState.RESERVED) {
            return task;
        }
        if (task.status() == VideoStatus.SUCCEEDED) {
            if (tasks.closeCredits(task.id(), CreditState.SETTLED, task.estimatedCredits())) {
                credits.settle(hold(task), task.estimatedCredits());
            }
        } else if (tasks.closeCredits(task.id(), CreditState.REFUNDED, BigDecimal.ZERO)) {
            credits.refund(hold(task));
        }
        return load(task.id());
    }

    VideoTask load(String id) {
        return tasks.find(id).orElseThrow(() -> new IllegalStateException("video task " + id + " vanished"));
    }

    Route route(String provider) {
        return routes.apply(provider);
    }

    private static VideoCredits.Hold hold(VideoTask task) {
        return new VideoCredits.Hold(task.id(), task.keyId(), task.accountId(), task.estimatedCredits());
    }

    static ApiException apiException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof ApiException api) {
            return api;
        }
        System.getLogger(TaskLifecycle.class.getName()).log(System.Logger.Level.ERROR, "Video task step failed", cause);
        return ErrorKind.INTERNAL.error("internal_error", "The video task could not be processed; retry shortly.");
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "vtask_" + HexFormat.of().formatHex(bytes);
    }
}
