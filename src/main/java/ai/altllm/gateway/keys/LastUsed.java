package ai.altllm.gateway.keys;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Collects "key used at" times in memory and writes them in one batch every few seconds, never per request. */
@ApplicationScoped
public class LastUsed {

    static final long FLUSH_SECONDS = 5;
    private static final Logger LOG = System.getLogger(LastUsed.class.getName());

    @Inject
    KeyRepository keys;

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "altllm-last-used");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
    }

    public void record(String keyId) {
        pending.put(keyId, Instant.now());
    }

    void flush() {
        Map<String, Instant> batch = new HashMap<>();
        for (String id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        try {
            keys.touch(batch);
        } catch (RuntimeException e) {
            // Losing a last-used time is harmless; a dead flusher thread would lose all of them.
            LOG.log(Level.WARNING, "Could not record last use of " + batch.size() + " keys: " + e.getMessage());
        }
    }

    /** Flushes while the database is certainly still open; beans are destroyed in no guaranteed order. */
    void beforeShutdown(
            @Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        flush();
    }

    // No "throws" here: on Payara a @PreDestroy that declares a checked exception silently breaks deployment.
    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        flush();
    }
}
