package ai.altllm.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.ConfigException;
import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.GatewayConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.testsupport.TestConfigs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigAdminResourceTest {

    private static final GatewayConfig CONFIG = TestConfigs.of("""
            {"providers": {"p": {"type": "openai", "base_url": "http://127.0.0.1:1/v1", "api_key": "k"}},
             "models": [{"id": "m1", "provider": "p", "upstream_model": "u"},
                        {"id": "m2", "provider": "p", "upstream_model": "u"}]}
            """).get();

    private static ConfigAdminResource resource(ConfigReload result, ConfigException failure) {
        ConfigAdminResource resource = new ConfigAdminResource();
        resource.configuration = new Configuration() {
            @Override
            public ConfigReload reload() {
                if (failure != null) {
                    throw failure;
                }
                return result;
            }

            @Override
            public Optional<Path> file() {
                return Optional.of(Path.of("/etc/altllm.json"));
            }
        };
        return resource;
    }

    @Test
    void aReloadAnswersWhatIsNowInForce() {
        String text = resource(new ConfigReload(true, CONFIG, List.of("database")), null).reload();
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        assertEquals("config.reload", json.getString("object"));
        assertEquals("test.json", json.getString("source"));
        assertTrue(json.getBoolean("watched"));
        assertTrue(json.getBoolean("changed"));
        assertEquals(1, json.getInt("providers"));
        assertEquals(2, json.getInt("models"));
        assertEquals("database", json.getJsonArray("restart_required").getString(0));
        JsonObject same = Json.createReader(new StringReader(resource(new ConfigReload(false, CONFIG, List.of()),
                null).reload())).readObject();
        assertFalse(same.getBoolean("changed"));
    }

    @Test
    void anInvalidFileIs400NamingTheProblem() {
        ConfigException failure = new ConfigException("/etc/altllm.json", "models[1].provider", "no provider 'x'");
        ApiException e = assertThrows(ApiException.class, () -> resource(null, failure).reload());
        assertEquals(400, e.status());
        assertEquals("config_invalid", e.code());
        assertTrue(e.getMessage().startsWith("/etc/altllm.json: models[1].provider: no provider 'x'"),
                e.getMessage());
    }
}
