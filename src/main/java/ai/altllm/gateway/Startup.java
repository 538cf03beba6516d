package ai.altllm.gateway;

import ai.altllm.gateway.accesslog.AccessLog;
import ai.altllm.gateway.config.ConfigException;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.health.BuildInfo;
import ai.altllm.gateway.models.Catalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Reads configuration and builds the catalog while the application deploys, so a bad file fails startup. */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = System.getLogger(Startup.class.getName());

    @Inject
    Configuration configuration;

    @Inject
    Catalog catalog;

    @Inject
    AccessLog accessLog;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        try {
            configuration.get();
        } catch (ConfigException e) {
            LOG.log(Level.ERROR, "AltLLM Gateway cannot start: configuration error: " + e.getMessage());
            if (Boolean.getBoolean("altllm.exitOnStartupFailure")) {
                // Exit from a fresh thread: the deployment thread holds server locks the shutdown hooks need.
                new Thread(() -> System.exit(2), "altllm-exit").start();
            }
            throw e;
        }
        String base = ListenAddress.describe(context.getContextPath());
        ReadyLine.printWhenServing(base, "AltLLM Gateway " + BuildInfo.VERSION + " ready: " + base + " ("
                + catalog.size() + " models)", accessLog::writePending);
    }
}
