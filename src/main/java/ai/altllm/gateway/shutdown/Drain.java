package ai.altllm.gateway.shutdown;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.OperationsConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The graceful shutdown, run once whatever starts it ({@link ShutdownTriggers}): refuses new work at once, waits for
 * in-flight requests up to the grace period, aborts what is left, then runs the {@link ShutdownStep}s in order.
 */
@ApplicationScoped
public class Drain {

    /** What a request still running when the grace period ends is answered with. */
    public static final ApiException SHUTTING_DOWN = ErrorKind.UNAVAILABLE.error("shutting_down",
            "The gateway is shutting down; retry the request shortly");
    private static final Logger LOG = System.getLogger(Drain.class.getName());
    /** After aborting, how long the aborted requests get to write their error and close. */
    private static final Duration AFTER_ABORT = Duration.ofSeconds(5);

    @Inject
    Configuration configuration;

    @Inject
    @Any
    Instance<ShutdownStep> steps;

    private final LongAdder requests = new LongAdder();
    private final Set<InFlight> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean draining;
    /** Read while deploying: the JVM's hook thread should touch as little of the container as it can. */
    private volatile Duration grace = OperationsConfig.DEFAULTS.grace();
    private volatile List<ShutdownStep> ordered = List.of();

    /** Reads the grace period and resolves the steps while deploying, where the container is fully up. */
    void prepare() {
        try {
            grace = configuration.get().operations().grace();
        } catch (RuntimeException e) {
            // A broken configuration fails the deployment elsewhere, with its own message.
        }
        ordered = steps.stream().sorted(Comparator.comparingInt(ShutdownStep::order)).toList();
    }

    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) ConfigReload reload) {
        grace = reload.config().operations().grace();
    }

    public boolean hasStarted() {
        return started.get();
    }

    public boolean isDraining() {
        return draining;
    }

    public void requestStarted() {
        requests.increment();
    }

    public void requestEnded() {
        requests.decrement();
    }

    public void opened(InFlight request) {
        open.add(request);
    }

    public void closed(InFlight request) {
        open.remove(request);
    }

    public long activeStreams() {
        return open.stream().filter(InFlight::streaming).count();
    }

    /** Drains and runs the shutdown steps; a second caller waits until the first has finished. */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            awaitFinished();
            return;
        }
        draining = true;
        try {
            LOG.log(Level.INFO, "AltLLM Gateway shutting down: refusing new requests, {0} in flight, grace {1} s",
                    requests.sum(), grace.toSeconds());
            if (!awaitIdle(grace)) {
                LOG.log(Level.WARNING, "Grace period over: ending {0} requests still running", open.size());
                open.forEach(Drain::abortQuietly);
                awaitIdle(AFTER_ABORT);
            }
            runSteps();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Graceful shutdown failed", e);
        } finally {
            finished.countDown();
        }
    }

    private boolean awaitIdle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (requests.sum() > 0 || !open.isEmpty()) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                Thread.sleep(25);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void runSteps() {
        for (ShutdownStep step : ordered) {
            try {
                step.run();
                LOG.log(Level.INFO, "Shutdown step done: {0}", step.name());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Shutdown step failed: " + step.name(), e);
            }
        }
    }

    private static void abortQuietly(InFlight request) {
        try {
            request.abort();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ending a request at shutdown failed: {0}", e.toString());
        }
    }

    private void awaitFinished() {
        try {
            if (!finished.await(grace.plus(AFTER_ABORT).toSeconds() + 30,
                    TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "Gave up waiting for the graceful shutdown to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
