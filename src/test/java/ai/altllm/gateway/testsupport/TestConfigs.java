package ai.altllm.gateway.testsupport;

import ai.altllm.gateway.config.ConfigParser;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.GatewayConfig;
import java.util.Map;

/** A {@link Configuration} holding a configuration parsed from JSON, for beans tested outside a server. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** @param json a configuration file's text, without environment variables */
    public static Configuration of(String json) {
        GatewayConfig config = new ConfigParser(Map.<String, String>of()::get).parse("test.json", json);
        return new Configuration() {
            @Override
            public GatewayConfig get() {
                return config;
            }
        };
    }
}
