package ai.altllm.gateway.config;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reloads the configuration when its file changes. The file is read every two seconds rather than watched through
 * file-system events: polling sees an editor's replace-by-rename, a mounted ConfigMap and a network file system alike.
 */
@ApplicationScoped
public class ConfigWatcher {

    static final long PERIOD_MS = 2000;
    private static final Logger LOG = System.getLogger(ConfigWatcher.class.getName());

    @Inject
    Configuration configuration;

    private ScheduledExecutorService timer;
    /** The file polled: the one the configuration was read from (set by hand in unit tests). */
    Path file;
    /** The text last handed to a reload, and a new text seen once, waiting to be seen unchanged a second time. */
    private String seen;
    private String pending;

    /** After the configuration check and the database, so a broken start is not watched. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 700)
                @Initialized(ApplicationScoped.class) Object event) {
        file = configuration.file().orElse(null);
        if (file == null) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "altllm-config-watch");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * One poll. A new text is reloaded only once two polls read it alike, so a file caught half-written is not
     * reported as broken; a missing file (between an editor's delete and rename) waits for the next poll.
     */
    void check() {
        String now;
        try {
            now = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            pending = null;
            return;
        }
        if (now.equals(seen)) {
            pending = null;
            return;
        }
        if (!now.equals(pending)) {
            pending = now;
            return;
        }
        seen = now;
        pending = null;
        try {
            configuration.reload();
        } catch (ConfigException e) {
            // Logged by the reload, which keeps the configuration in force.
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AltLLM configuration reload failed: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
