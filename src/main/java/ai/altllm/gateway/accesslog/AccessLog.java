package ai.altllm.gateway.accesslog;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.db.BatchWriter;
import ai.altllm.gateway.shutdown.ShutdownStep;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes finished requests' lines to the logger {@value #LOGGER} from one background thread: a request only queues
 * its record, and never waits for formatting, a log handler's lock or the console.
 */
@ApplicationScoped
public class AccessLog implements ShutdownStep {

    /** The dedicated logger: operators can route or silence it on its own. */
    public static final String LOGGER = "altllm.access";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    /** About a minute of lines at several thousand requests a second; beyond that lines are counted and dropped. */
    private static final int CAPACITY = 200_000;
    /**
     * How long the shutdown step waits for requests the container has not completed yet. The drain stops waiting
     * for a stream once its relay ends, but its line comes only when the container completes the exchange a moment
     * later; a client that vanished may keep that from ever happening, hence the bound.
     */
    private static final Duration LAST_EXCHANGES = Duration.ofSeconds(3);

    @Inject
    Configuration configuration;

    private volatile boolean enabled;
    private BatchWriter<AccessRecord> writer;
    private final LongAdder unfinished = new LongAdder();

    @PostConstruct
    void start() {
        enabled = configuration.get().operations().accessLog();
        writer = new BatchWriter<>("access log lines", CAPACITY, AccessLog::write);
    }

    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) ConfigReload reload) {
        enabled = reload.config().operations().accessLog();
    }

    /** A request has started; its line is owed until {@link #add} is called for it. */
    void opened() {
        unfinished.increment();
    }

    /**
     * Queues the line of a finished request, unless the access log is off (in the configuration or the logger) or
     * the request was a health probe that passed: a load balancer polling every few seconds would bury real traffic.
     */
    void add(AccessRecord record) {
        unfinished.decrement();
        if (enabled && !record.passedProbe() && LOG.isLoggable(Level.INFO)) {
            writer.add(record);
        }
    }

    /** Writes the lines queued so far now, on the caller's thread. */
    public void writePending() {
        writer.flush();
    }

    private static void write(List<AccessRecord> batch) {
        for (AccessRecord record : batch) {
            try {
                LOG.log(Level.INFO, AccessLine.of(record));
            } catch (RuntimeException e) {
                // One unprintable line must not send the whole batch back to the queue to fail again.
                LOG.log(Level.WARNING, "Could not write the access-log line of request " + record.requestId, e);
            }
        }
    }

    @Override
    public int order() {
        return FLUSH_RECORDS;
    }

    @Override
    public String name() {
        return "access log lines";
    }

    /** The shutdown step: the lines of every request the drain waited for, once the container has ended them. */
    @Override
    public void run() {
        long deadline = System.nanoTime() + LAST_EXCHANGES.toNanos();
        try {
            while (unfinished.sum() > 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (unfinished.sum() > 0) {
            LOG.log(Level.WARNING, "{0} requests had not ended at shutdown; their access-log lines are not written",
                    unfinished.sum());
        }
        stop();
    }

    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.stop();
        }
    }
}
