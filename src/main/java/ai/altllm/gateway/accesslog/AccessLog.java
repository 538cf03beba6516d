package ai.altllm.gateway.accesslog;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.db.BatchWriter;
import ai.altllm.gateway.shutdown.ShutdownStep;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
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

    @Inject
    Configuration configuration;

    private boolean enabled;
    private BatchWriter<AccessRecord> writer;

    @PostConstruct
    void start() {
        enabled = configuration.get().operations().accessLog();
        writer = new BatchWriter<>("access log lines", CAPACITY, AccessLog::write);
    }

    /** Queues the line of a finished request, unless the access log is off (in the configuration or the logger). */
    void add(AccessRecord record) {
        if (enabled && LOG.isLoggable(Level.INFO)) {
            writer.add(record);
        }
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

    /** The shutdown step: the lines of every request the drain waited for. */
    @Override
    public void run() {
        stop();
    }

    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.stop();
        }
    }
}
