package ai.altllm.gateway.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Holds the gateway configuration: read when the application starts, and again on {@link #reload}. */
@ApplicationScoped
public class Configuration {

    private static final Logger LOG = System.getLogger(Configuration.class.getName());

    @Inject
    Event<ConfigReload> reloaded;

    private volatile GatewayConfig config;
    private ConfigException failure;
    private UnaryOperator<String> environment;
    private Path file;
    /** The file's text behind {@link #config}, to tell a real change from a touch. */
    private String text;
    /** The last text refused and why: the watcher and the admin call both seeing it warn only once. */
    private String rejectedText;
    private ConfigException rejection;

    @PostConstruct
    void load() {
        load(ConfigLocator.ofThisProcess(), System::getenv);
    }

    void load(ConfigLocator locator, UnaryOperator<String> environment) {
        this.environment = environment;
        try {
            ConfigLocator.Located located = locator.locate();
            config = new ConfigParser(environment).parse(located.name(), located.text());
            file = located.path();
            text = located.text();
        } catch (ConfigException e) {
            failure = e;
            return;
        }
        LOG.log(Level.INFO, "AltLLM configuration: {0} ({1} providers, {2} models)", config.source(),
                config.providers().size(), config.models().size());
        warnMissingKeys(config);
    }

    /** The configuration; throws the {@link ConfigException} that kept it from loading, every time it is asked. */
    public GatewayConfig get() {
        if (failure != null) {
            throw failure;
        }
        return config;
    }

    /** The file the configuration was read from; empty for the copy built into the WAR. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Reads the file again and puts what may change while running into force for new requests.
     *
     * @throws ConfigException when the file is now missing or invalid; the configuration in force stays, and a
     *     warning is logged
     */
    public synchronized ConfigReload reload() {
        GatewayConfig old = get();
        if (file == null) {
            return new ConfigReload(false, old, List.of());
        }
        ConfigLocator.Located located;
        try {
            located = ConfigLocator.read(file);
        } catch (ConfigException e) {
            throw refused(e);
        }
        if (located.text().equals(text)) {
            return new ConfigReload(false, old, List.of());
        }
        if (located.text().equals(rejectedText)) {
            throw rejection;
        }
        GatewayConfig fresh;
        try {
            fresh = new ConfigParser(environment).parse(located.name(), located.text());
        } catch (ConfigException e) {
            rejectedText = located.text();
            rejection = e;
            throw refused(e);
        }
        ReloadRules.Outcome outcome = ReloadRules.apply(old, fresh);
        config = outcome.inForce();
        text = located.text();
        LOG.log(Level.INFO, "AltLLM configuration reloaded: {0} ({1} providers, {2} models)", config.source(),
                config.providers().size(), config.models().size());
        if (!outcome.restartRequired().isEmpty()) {
            LOG.log(Level.WARNING, "AltLLM configuration: " + String.join(", ", outcome.restartRequired())
                    + " changed in the file but keep their old values until the gateway restarts");
        }
        warnMissingKeys(config);
        ConfigReload result = new ConfigReload(true, config, outcome.restartRequired());
        if (reloaded != null) {
            // Null only in unit tests that build this class by hand: there is no bean to tell.
            reloaded.fire(result);
        }
        return result;
    }

    private static ConfigException refused(ConfigException e) {
        LOG.log(Level.WARNING, "AltLLM configuration not reloaded, the one in force stays: " + e.getMessage());
        return e;
    }

    private static void warnMissingKeys(GatewayConfig config) {
        config.providers().values().forEach(p -> p.apiKey().missingVariable().ifPresent(variable -> LOG.log(
                Level.WARNING, "Provider {0}: environment variable {1} is not set; its models answer 503 until it is",
                p.id(), variable)));
    }
}
