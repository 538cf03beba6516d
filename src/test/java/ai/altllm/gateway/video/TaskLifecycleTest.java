package ai.altllm.gateway.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.ProviderType;
import ai.altllm.gateway.config.Secret;
import ai.altllm.gateway.config.Timeouts;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.testsupport.TestH2;
import ai.altllm.gateway.upstream.ByteSink;
import ai.altllm.gateway.upstream.Download;
import ai.altllm.gateway.upstream.UpstreamErrors;
import ai.altllm.gateway.upstream.VideoJob;
import ai.altllm.gateway.upstream.VideoRequest;
import ai.altllm.gateway.upstream.VideoStatus;
import ai.altllm.gateway.upstream.VideoUpstream;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credits are reserved, then settled or refunded exactly once, on a real task table (embedded H2 here, PostgreSQL in
 * {@link PostgresTaskLifecycleTest}) with a scripted provider.
 */
class TaskLifecycleTest {

    private static HikariDataSource pool;

    private final RecordingCredits credits = new RecordingCredits();
    private final ScriptedVideo upstream = new ScriptedVideo();
    private final MovableClock clock = new MovableClock();
    private TaskLifecycle lifecycle;
    private TaskRepository repository;

    @BeforeAll
    static void open() {
        pool = TestH2.open("video-");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    /** The database under test; subclasses give another. */
    DataSource dataSource() {
        return pool;
    }

    @BeforeEach
    void wire() {
        ProviderConfig provider = new ProviderConfig("p", ProviderType.OPENROUTER, URI.create("http://127.0.0.1:9"),
                Secret.of("k"), Timeouts.DEFAULTS);
        repository = new TaskRepository(dataSource());
        lifecycle = new TaskLifecycle(repository, id -> new TaskLifecycle.Route(provider, upstream), credits, clock,
                2000, Runnable::run);
    }

    private NewTask request(String account) {
        return new NewTask("key_" + account, account, "video-model", "p",
                new VideoRequest("up-model", "A fox", 6, "720p"), new BigDecimal("0.30"));
    }

    private VideoTask created(String account) {
        upstream.creates.add(CompletableFuture.completedFuture(new VideoJob("job-" + account, VideoStatus.QUEUED,
                null, null, null)));
        return lifecycle.create(request(account), null).toCompletableFuture().join().task();
    }

    private VideoTask refreshAfterCache(VideoTask task, VideoJob answer) {
        upstream.statuses.add(CompletableFuture.completedFuture(answer));
        clock.advance(Duration.ofSeconds(3));
        return lifecycle.refresh(lifecycle.load(task.id())).toCompletableFuture().join();
    }

    @Test
    void aSucceededTaskIsSettledOnceHoweverManyPollsRace() throws Exception {
        VideoTask task = created("acct_race");
        assertEquals(List.of("reserve " + task.id() + " 0.3"), credits.calls);
        VideoTask stale = lifecycle.load(task.id());
        repository.refreshed(task.id(), VideoStatus.SUCCEEDED, 100, null, null, clock.instant());
        VideoTask terminalButReserved = new VideoTask(stale.id(), stale.keyId(), stale.accountId(), stale.model(),
                stale.provider(), stale.upstreamId(), stale.prompt(), stale.durationSeconds(), stale.resolution(),
                VideoStatus.SUCCEEDED, 100, null, null, stale.estimatedCredits(), null, VideoTask.CreditState.RESERVED,
                stale.createdAt(), stale.updatedAt(), stale.refreshedAt());
        ExecutorService pollers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<VideoTask>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pollers.submit(() -> {
                start.await();
                return lifecycle.closeCredits(terminalButReserved);
            }));
        }
        start.countDown();
        for (Future<VideoTask> result : results) {
            VideoTask seen = result.get(10, TimeUnit.SECONDS);
            assertEquals(VideoTask.CreditState.SETTLED, seen.creditState());
            assertEquals(0, new BigDecimal("0.30").compareTo(seen.chargedCredits()));
        }
        pollers.shutdown();
        assertEquals(List.of("reserve " + task.id() + " 0.3", "settle " + task.id() + " 0.3 of 0.3"),
                credits.calls);
        assertEquals(0, credits.outstanding().signum(), "the ledger balances");
    }

    @Test
    void concurrentPollsShareOneProviderCallAndTheCacheSparesTheProvider() {
        VideoTask task = created("acct_cache");
        CompletableFuture<VideoJob> slow = new CompletableFuture<>();
        upstream.statuses.add(slow);
        clock.advance(Duration.ofSeconds(3));
        CompletionStage<VideoTask> first = lifecycle.refresh(lifecycle.load(task.id()));
        CompletionStage<VideoTask> second = lifecycle.refresh(lifecycle.load(task.id()));
        slow.complete(new VideoJob("job-acct_cache", VideoStatus.RUNNING, 20, null, null));
        assertEquals(20, first.toCompletableFuture().join().progress());
        assertEquals(20, second.toCompletableFuture().join().progress());
        assertEquals(1, upstream.statusCalls.get());
        lifecycle.refresh(lifecycle.load(task.id())).toCompletableFuture().join();
        assertEquals(1, upstream.statusCalls.get(), "within the cache period the stored answer is used");
        refreshAfterCache(task, new VideoJob("job-acct_cache", VideoStatus.RUNNING, 60, null, null));
        assertEquals(2, upstream.statusCalls.get());
    }

    @Test
    void failedCancelledAndExpiredTasksAreRefundedInFull() {
        for (VideoStatus end : new VideoStatus[] {VideoStatus.FAILED, VideoStatus.EXPIRED}) {
            VideoTask task = created("acct_" + end.wire());
            VideoTask after = refreshAfterCache(task, new VideoJob("job", end, null, null, "boom"));
            assertEquals(end, after.status());
            assertEquals(VideoTask.CreditState.REFUNDED, after.creditState());
            assertEquals(0, after.chargedCredits().signum());
            refreshAfterCache(after, new VideoJob("job", VideoStatus.SUCCEEDED, 100, null, null));
            assertEquals(end, lifecycle.load(task.id()).status(), "an ended task never changes again");
            assertEquals(1, upstream.statuses.size(), "nor is the provider asked about it");
            upstream.statuses.clear();
        }
        VideoTask queued = created("acct_cancel");
        upstream.cancels.add(CompletableFuture.completedFuture(null));
        VideoTask cancelled = lifecycle.cancel(queued).toCompletableFuture().join();
        assertEquals(VideoStatus.CANCELLED, cancelled.status());
        assertEquals(VideoTask.CreditState.REFUNDED, cancelled.creditState());
        assertEquals(3, credits.calls.stream().filter(c -> c.startsWith("refund")).count(), credits.calls.toString());
        assertEquals(0, credits.outstanding().signum(), "the ledger balances");
        ApiException again = assertThrows(ApiException.class, () -> lifecycle.cancel(cancelled));
        assertEquals("task_not_cancellable", again.code());
    }

    @Test
    void aProviderRefusingTheJobRefundsTheHoldAndARefusedHoldNeverCallsTheProvider() {
        upstream.creates.add(CompletableFuture.failedFuture(UpstreamErrors.status(500, "{}")));
        CompletionException failed = assertThrows(CompletionException.class,
                () -> lifecycle.create(request("acct_down"), null).toCompletableFuture().join());
        assertEquals(502, ((ApiException) failed.getCause()).status());
        assertEquals(2, credits.calls.size());
        assertTrue(credits.calls.get(1).startsWith("refund "), credits.calls.toString());

        credits.refuse = true;
        int creates = upstream.createCalls.get();
        ApiException refused = assertThrows(ApiException.class, () -> lifecycle.create(request("acct_poor"), null));
        assertEquals(402, refused.status());
        assertEquals(creates, upstream.createCalls.get(), "no job without a hold");
        assertEquals(2, credits.calls.size(), "nothing was held, so nothing is refunded");
        assertEquals(0, credits.outstanding().signum());
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstTaskAndRefusesADifferentRequest() {
        upstream.creates.add(CompletableFuture.completedFuture(new VideoJob("job-i", VideoStatus.QUEUED, null, null,
                null)));
        TaskLifecycle.Created first = lifecycle.create(request("acct_idem"), "retry-1").toCompletableFuture().join();
        TaskLifecycle.Created again = lifecycle.create(request("acct_idem"), "retry-1").toCompletableFuture().join();
        assertEquals(first.task().id(), again.task().id());
        assertTrue(again.existing());
        assertEquals(1, upstream.createCalls.get());
        NewTask different = new NewTask("key_acct_idem", "acct_idem", "video-model", "p",
                new VideoRequest("up-model", "Another fox", 6, "720p"), new BigDecimal("0.30"));
        assertEquals("idempotency_key_reused", assertThrows(ApiException.class,
                () -> lifecycle.create(different, "retry-1")).code());
    }

    @Test
    void aTaskTheProviderNeverAcceptedIsFailedAndRefundedWhenPolledLongAfter() {
        CompletableFuture<VideoJob> never = new CompletableFuture<>();
        upstream.creates.add(never);
        lifecycle.create(request("acct_crash"), "crash-1");
        VideoTask stuck = repository.byIdempotencyKey("key_acct_crash", "crash-1").orElseThrow().task();
        assertEquals(VideoStatus.QUEUED, lifecycle.refresh(stuck).toCompletableFuture().join().status(),
                "a create still in flight is left alone");
        clock.advance(TaskLifecycle.ABANDONED_CREATE.plusSeconds(1));
        VideoTask ended = lifecycle.refresh(lifecycle.load(stuck.id())).toCompletableFuture().join();
        assertEquals(VideoStatus.FAILED, ended.status());
        assertEquals(VideoTask.CreditState.REFUNDED, ended.creditState());
        assertEquals(0, credits.outstanding().signum());
        assertEquals(0, upstream.statusCalls.get(), "there is no provider job to ask about");
    }

    /** A provider whose answers the test queues. */
    private static final class ScriptedVideo implements VideoUpstream {

        final ConcurrentLinkedQueue<CompletableFuture<VideoJob>> creates = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<CompletableFuture<VideoJob>> statuses = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<CompletableFuture<Void>> cancels = new ConcurrentLinkedQueue<>();
        final AtomicInteger createCalls = new AtomicInteger();
        final AtomicInteger statusCalls = new AtomicInteger();

        @Override
        public boolean speaks(ProviderType type) {
            return true;
        }

        @Override
        public CompletionStage<VideoJob> create(ProviderConfig provider, VideoRequest request) {
            createCalls.incrementAndGet();
            return creates.remove();
        }

        @Override
        public CompletionStage<VideoJob> status(ProviderConfig provider, String upstreamId) {
            statusCalls.incrementAndGet();
            return statuses.remove();
        }

        @Override
        public CompletionStage<Void> cancel(ProviderConfig provider, String upstreamId) {
            return cancels.remove();
        }

        @Override
        public Download download(ProviderConfig provider, VideoJob job, ByteSink sink) {
            throw new UnsupportedOperationException("not used here");
        }
    }

    /** A clock the test moves forward, to step past the poll cache without sleeping. */
    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-11-25T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
