package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationReloadTest {

    @TempDir
    Path dir;

    /** A config with the given models (ids) served by one provider, plus extra top-level fields. */
    static String config(List<String> models, String extra) {
        StringBuilder list = new StringBuilder();
        for (String id : models) {
            list.append(list.isEmpty() ? "" : ",").append("{\"id\":\"").append(id)
                    .append("\",\"provider\":\"p\",\"upstream_model\":\"u-").append(id).append("\"}");
        }
        return "{\"providers\":{\"p\":{\"type\":\"openai\",\"base_url\":\"http://127.0.0.1:1/v1\",\"api_key\":\"k\"}},"
                + "\"models\":[" + list + "]" + extra + "}";
    }

    private Configuration load(String text) throws IOException {
        Files.writeString(dir.resolve("altllm.json"), text);
        Configuration configuration = new Configuration();
        configuration.load(new ConfigLocator(Map.of("altllm.config", "altllm.json")::get, name -> null, dir),
                Map.<String, String>of()::get);
        return configuration;
    }

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve("altllm.json"), text);
    }

    @Test
    void aValidChangeTakesEffect() throws IOException {
        Configuration configuration = load(config(List.of("a"), ""));
        write(config(List.of("a", "b"), ",\"limits\":{\"max_request_bytes\":1000}"));
        ConfigReload reload = configuration.reload();
        assertTrue(reload.changed());
        assertEquals(List.of(), reload.restartRequired());
        assertSame(reload.config(), configuration.get());
        assertTrue(configuration.get().model("b").isPresent());
        assertEquals(1000, configuration.get().maxRequestBytes());
        assertEquals(Optional.of(dir.resolve("altllm.json")), configuration.file().map(Path::normalize));
    }

    @Test
    void anInvalidChangeKeepsTheConfigurationInForce() throws IOException {
        Configuration configuration = load(config(List.of("a"), ""));
        GatewayConfig before = configuration.get();
        write(config(List.of("a", "b"), ",\"models\":3").replace("\"type\":\"openai\"", "\"type\":\"nope\""));
        ConfigException e = assertThrows(ConfigException.class, configuration::reload);
        assertTrue(e.getMessage().contains("providers.p.type: unknown provider type 'nope'"), e.getMessage());
        assertSame(before, configuration.get());
        write("{\"providers\": ");
        e = assertThrows(ConfigException.class, configuration::reload);
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertSame(before, configuration.get());
        Files.delete(dir.resolve("altllm.json"));
        assertThrows(ConfigException.class, configuration::reload);
        assertSame(before, configuration.get());
        write(config(List.of("c"), ""));
        assertTrue(configuration.reload().changed());
        assertTrue(configuration.get().model("c").isPresent());
    }

    @Test
    void theSameBrokenTextIsWarnedAboutOnce() throws IOException {
        Configuration configuration = load(config(List.of("a"), ""));
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(Configuration.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == java.util.logging.Level.WARNING) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            write("{\"providers\": 1}");
            ConfigException first = assertThrows(ConfigException.class, configuration::reload);
            ConfigException second = assertThrows(ConfigException.class, configuration::reload);
            assertEquals(first.getMessage(), second.getMessage());
            assertEquals(List.of("AltLLM configuration not reloaded, the one in force stays: " + first.getMessage()),
                    warnings);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void theSameTextChangesNothing() throws IOException {
        Configuration configuration = load(config(List.of("a"), ""));
        GatewayConfig before = configuration.get();
        ConfigReload reload = configuration.reload();
        assertFalse(reload.changed());
        assertSame(before, configuration.get());
    }

    @Test
    void restartOnlySettingsKeepTheirOldValuesAndAreNamed() throws IOException {
        Configuration configuration = load(config(List.of("a"), ""));
        write(config(List.of("a", "b"), ",\"database\":{\"url\":\"jdbc:postgresql://127.0.0.1/x\",\"user\":\"u\"},"
                + "\"shared_state\":\"cluster\",\"credits\":{\"enabled\":false,\"default_budget\":\"prepaid\","
                + "\"default_max_output_tokens\":77},\"video\":{\"signing_keys\":{\"k1\":\"" + "x".repeat(43)
                + "\"},\"active_key\":\"k1\",\"poll_cache_ms\":5000}"));
        ConfigReload reload = configuration.reload();
        assertEquals(List.of("database", "shared_state", "credits.enabled", "credits.default_budget",
                "video.poll_cache_ms"), reload.restartRequired());
        GatewayConfig now = configuration.get();
        assertTrue(now.model("b").isPresent(), "the live parts of the same file still apply");
        assertNull(now.database());
        assertFalse(now.clusterState());
        assertEquals(new CreditConfig(true, false, 77), now.credits());
        assertEquals(VideoConfig.DEFAULT_POLL_CACHE_MS, now.video().pollCacheMs());
        assertEquals("k1", now.video().activeKey());
    }

    @Test
    void theRandomVideoKeySurvivesAReloadWithoutAVideoSection() throws IOException {
        Configuration configuration = load(config(List.of("a"), ""));
        VideoConfig before = configuration.get().video();
        assertTrue(before.ephemeral());
        write(config(List.of("a", "b"), ""));
        configuration.reload();
        assertSame(before, configuration.get().video());
    }

    @Test
    void theBuiltInCopyHasNoFileAndNothingToReload() {
        Configuration configuration = new Configuration();
        configuration.load(new ConfigLocator(name -> null, name -> null, dir), Map.<String, String>of()::get);
        assertTrue(configuration.file().isEmpty());
        ConfigReload reload = configuration.reload();
        assertFalse(reload.changed());
        assertSame(configuration.get(), reload.config());
    }
}
