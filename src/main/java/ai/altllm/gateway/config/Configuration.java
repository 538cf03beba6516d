package ai.altllm.gateway.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Holds the gateway configuration, read once when the application starts. */
@ApplicationScoped
public class Configuration {

    private static final Logger LOG = System.getLogger(Configuration.class.getName());

    private GatewayConfig config;
    private ConfigException failure;

    @PostConstruct
    void load() {
        try {
            ConfigLocator.Located file = ConfigLocator.ofThisProcess().locate();
            config = new ConfigParser(System::getenv).parse(file.name(), file.text());
        } catch (ConfigException e) {
            failure = e;
            return;
        }
        LOG.log(Level.INFO, "AltLLM configuration: {0} ({1} providers, {2} models)", config.source(),
                config.providers().size(), config.models().size());
        config.providers().values().forEach(p -> p.apiKey().missingVariable().ifPresent(variable -> LOG.log(
                Level.WARNING, "Provider {0}: environment variable {1} is not set; its models answer 503 until it is",
                p.id(), variable)));
    }

    /** The configuration; throws the {@link ConfigException} that kept it from loading, every time it is asked. */
    public GatewayConfig get() {
        if (failure != null) {
            throw failure;
        }
        return config;
    }
}
