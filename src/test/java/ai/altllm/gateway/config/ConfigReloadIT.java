package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.MicroInstance;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.TestKeys;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real gateway on a config file of its own (the shared IT config is never touched): a model added to the file is
 * served after {@code POST /admin/v1/config/reload}, a broken file is refused with 400 while the old catalog serves
 * on, and an edit alone is picked up by the file watcher.
 */
class ConfigReloadIT {

    private static final String SECRET = "it-reload-secret-" + UUID.randomUUID();
    private static ScriptedUpstream upstream;
    private static Path file;
    private static MicroInstance instance;

    @BeforeAll
    static void start() throws IOException {
        upstream = ScriptedUpstream.start(0);
        Path dir = Path.of(System.getProperty("java.io.tmpdir", "target"), "reload-it-" + UUID.randomUUID());
        Files.createDirectories(dir);
        file = dir.resolve("altllm.json");
        Files.writeString(file, config(""));
        instance = MicroInstance.start("reload-it", List.of("--nohazelcast", "--prebootcommandfile",
                Path.of("server-config/payara-micro/pre-boot.asadmin").toAbsolutePath().toString()),
                Map.of("altllm.config", file.toString(), "altllm.data.dir", dir.toString()),
                Map.of("ALTLLM_ADMIN_KEY", System.getenv("ALTLLM_ADMIN_KEY"), "ALTLLM_IT_RELOAD_KEY", SECRET),
                Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        upstream.close();
    }

    /** Two providers (the second's key from the environment), one model, and {@code moreModels} spliced in. */
    private static String config(String moreModels) {
        return """
                {"providers": {"first": {"type": "openai", "base_url": "%s", "api_key": "it-upstream-key"},
                               "second": {"type": "openai", "base_url": "%s", "api_key": "${env:ALTLLM_IT_RELOAD_KEY}"}},
                 "models": [{"id": "reload-a", "provider": "first", "upstream_model": "upstream-a"}%s]}
                """
                .formatted(upstream.baseUrl(), upstream.baseUrl(), moreModels);
    }

    private static String model(String id) {
        return ", {\"id\": \"" + id + "\", \"provider\": \"second\", \"upstream_model\": \"upstream-" + id + "\"}";
    }

    /** Writes as editors do: a temporary file renamed over the old one. */
    private static void replace(String text) throws IOException {
        Path temp = file.resolveSibling("altllm.json.tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Gateway gateway() {
        return new Gateway(instance.base());
    }

    private static HttpResponse<String> reload() {
        return gateway().send(HttpRequest.newBuilder(gateway().uri("/admin/v1/config/reload"))
                .header("Authorization", "Bearer " + System.getenv("ALTLLM_ADMIN_KEY"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static List<String> modelIds() {
        HttpResponse<String> models = gateway().get("/v1/models");
        assertEquals(200, models.statusCode(), models.body());
        return Gateway.json(models).getJsonArray("data").stream().map(m -> m.asJsonObject().getString("id")).toList();
    }

    private static HttpResponse<String> chat(String key, String model) {
        upstream.enqueueChat("hello from " + model, 3, 2);
        return gateway().send(HttpRequest.newBuilder(gateway().uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"" + model
                        + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}")));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aModelAddedToTheFileIsServedAfterReloadAndABrokenFileKeepsTheOldOne() throws IOException,
            InterruptedException {
        String key = TestKeys.create(gateway(), "reload");
        assertEquals(List.of("reload-a"), modelIds());
        HttpResponse<String> unchanged = reload();
        assertEquals(200, unchanged.statusCode(), unchanged.body());
        assertFalse(Gateway.json(unchanged).getBoolean("changed"));

        replace(config(model("reload-b")));
        HttpResponse<String> reloaded = reload();
        assertEquals(200, reloaded.statusCode(), reloaded.body());
        JsonObject summary = Gateway.json(reloaded);
        assertTrue(summary.getBoolean("changed"), reloaded.body());
        assertTrue(summary.getBoolean("watched"), reloaded.body());
        assertEquals(2, summary.getInt("models"));
        assertEquals(file.toString(), summary.getString("source"));
        assertEquals(0, summary.getJsonArray("restart_required").size());
        assertEquals(List.of("reload-a", "reload-b"), modelIds());
        assertEquals(200, gateway().get("/v1/models/reload-b").statusCode());
        assertEquals(2, Gateway.json(gateway().get("/v1/provider")).getInt("models"));
        HttpResponse<String> answer = chat(key, "reload-b");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("hello from reload-b", Gateway.json(answer).getJsonArray("choices").getJsonObject(0)
                .getJsonObject("message").getString("content"));
        ScriptedUpstream.Recorded sent = upstream.take(Duration.ofSeconds(5));
        assertEquals("upstream-reload-b", ChatClient.json(sent.body()).getString("model"));
        assertEquals("Bearer " + SECRET, sent.header("Authorization"));

        replace(config(model("reload-b")).replace("\"upstream_model\": \"upstream-reload-b\"",
                "\"upstream_model\": 7"));
        HttpResponse<String> refused = reload();
        assertEquals(400, refused.statusCode(), refused.body());
        JsonObject error = Gateway.json(refused).getJsonObject("error");
        assertEquals("config_invalid", error.getString("code"));
        assertEquals("invalid_request_error", error.getString("type"));
        assertTrue(error.getString("message").contains("models[1].upstream_model: must be a string"),
                error.getString("message"));
        assertEquals(List.of("reload-a", "reload-b"), modelIds());
        HttpResponse<String> stillServed = chat(key, "reload-b");
        assertEquals(200, stillServed.statusCode(), stillServed.body());
        upstream.take(Duration.ofSeconds(5));

        replace(config(model("reload-b") + model("reload-c")));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!modelIds().contains("reload-c") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of("reload-a", "reload-b", "reload-c"), modelIds(), "the watcher did not pick up the edit");

        String log = instance.log();
        assertTrue(log.contains("AltLLM configuration not reloaded, the one in force stays: " + file
                + ": models[1].upstream_model: must be a string"), log);
        assertFalse(log.contains(SECRET), "a provider key reached the log");
    }
}
