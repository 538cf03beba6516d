package ai.altllm.gateway.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.SseFrames;
import ai.altllm.gateway.testsupport.TestKeys;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the real standalone jar ({@code target/altllm-micro.jar}, its own process on 127.0.0.1) with two streams
 * in flight: one that ends within the grace period and one that outlasts it. New requests must get 503 with
 * Retry-After, the short stream must finish, the long one end with an error frame and [DONE], and both usage
 * records must be in the database file once the process has exited.
 */
class ShutdownIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int GRACE_SECONDS = 6;

    private ScriptedUpstream upstream;
    private Process server;

    @AfterEach
    void stop() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void sigtermDrainsStreamsRefusesNewWorkAndFlushesUsage() throws Exception {
        upstream = ScriptedUpstream.start(0);
        Path dir = Files.createDirectories(Path.of("target", "shutdown-it-" + System.nanoTime()));
        int port = freePort();
        Path log = dir.resolve("server.log");
        server = start(dir, port, log);
        Gateway gateway = new Gateway(URI.create("http://127.0.0.1:" + port + "/").toURL());
        awaitReady(gateway, log);
        String key = TestKeys.create(gateway, "shutdown");
        // The standalone jar serves the gateway at "/", where Payara Micro's own /metrics must not shadow ours.
        HttpResponse<String> metrics = gateway.send(HttpRequest.newBuilder(gateway.uri("/metrics"))
                .header("Authorization", "Bearer " + System.getenv("ALTLLM_ADMIN_KEY")));
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().contains("altllm_active_streams"), metrics.body());
        ChatClient chat = new ChatClient(gateway.uri("/").toURL());

        List<String> shortFrames = frames(8);
        upstream.enqueueStream(Duration.ofMillis(250), shortFrames, false);
        upstream.enqueueStream(Duration.ofMillis(500), frames(60), false);
        CompletableFuture<Stream> finishing = open(chat, key);
        upstream.take(Duration.ofSeconds(10));
        CompletableFuture<Stream> outlasting = open(chat, key);
        upstream.take(Duration.ofSeconds(10));
        Thread.sleep(600);

        server.destroy(); // SIGTERM
        HttpResponse<String> refused = awaitRefusal(gateway);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("7", refused.headers().firstValue("Retry-After").orElse(""), "Retry-After from the config");
        assertEquals("shutting_down", ChatClient.error(refused, 503).getString("code"));
        assertEquals(503, gateway.get("/health/ready").statusCode(), "readiness is down while draining");

        Stream done = finishing.get(30, TimeUnit.SECONDS);
        assertEquals(200, done.status);
        assertEquals("[DONE]", last(done.frames), done.frames.raw());
        assertFalse(done.frames.raw().contains("\"error\""),
                "the short stream finished normally: " + done.frames.raw());
        assertEquals(shortFrames.size() - 1, done.frames.data().size(), "every frame but the unrequested usage chunk: "
                + done.frames.raw());

        Stream cut = outlasting.get(GRACE_SECONDS + 30, TimeUnit.SECONDS);
        assertEquals("[DONE]", last(cut.frames), cut.frames.raw());
        String errorFrame = cut.frames.data().get(cut.frames.data().size() - 2);
        assertTrue(errorFrame.contains("\"code\":\"shutting_down\""), cut.frames.raw());

        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the gateway did not exit after SIGTERM");
        String serverLog = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(serverLog.contains("Shutdown step done: usage records"), serverLog);
        // Access-log lines are written by a background thread; the drain writes the ones still queued.
        assertTrue(serverLog.contains("Shutdown step done: access log lines"), serverLog);
        for (Stream stream : List.of(done, cut)) {
            assertTrue(serverLog.contains("\"request_id\":\"" + stream.requestId + "\""),
                    "no access-log line for " + stream.requestId + ":\n" + serverLog);
        }

        Map<String, String> outcomes = usage(dir);
        assertEquals("ok", outcomes.get(done.requestId), "usage of the finished stream: " + outcomes);
        assertEquals("failed", outcomes.get(cut.requestId), "usage of the cut stream: " + outcomes);
    }

    /** A stream's frames: role, n content chunks, finish, usage, [DONE]. */
    private static List<String> frames(int contentChunks) {
        List<String> frames = new ArrayList<>();
        frames.add(OpenAiJson.roleChunk());
        for (int i = 0; i < contentChunks; i++) {
            frames.add(OpenAiJson.contentChunk("w" + i + " "));
        }
        frames.add(OpenAiJson.finishChunk("stop"));
        frames.add(OpenAiJson.usageChunk(5, contentChunks));
        frames.add("[DONE]");
        return Collections.unmodifiableList(frames);
    }

    private record Stream(int status, String requestId, SseFrames frames) {
    }

    private static CompletableFuture<Stream> open(ChatClient chat, String key) {
        HttpRequest request = chat.post(ChatClient.HELLO + ",\"stream\":true}")
                .setHeader("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(GRACE_SECONDS + 40)).build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApplyAsync(
                (HttpResponse<InputStream> response) -> new Stream(response.statusCode(),
                        response.headers().firstValue("X-Request-Id").orElse(""), SseFrames.read(response)));
    }

    private static String last(SseFrames frames) {
        return frames.data().isEmpty() ? "" : frames.data().get(frames.data().size() - 1);
    }

    /** The first answer to a new request after SIGTERM; the listener must still be up and refusing. */
    private static HttpResponse<String> awaitRefusal(Gateway gateway) throws InterruptedException {
        HttpResponse<String> response = null;
        for (int i = 0; i < 40; i++) {
            response = gateway.get("/v1/models");
            if (response.statusCode() == 503) {
                return response;
            }
            Thread.sleep(50);
        }
        return response;
    }

    private Process start(Path dir, int port, Path log) throws Exception {
        Path config = dir.resolve("altllm.json");
        Files.writeString(config, """
                {"shutdown": {"grace_seconds": %d, "retry_after_seconds": 7},
                 "providers": {"scripted": {"type": "openai", "base_url": "%s", "api_key": "it-upstream-key"}},
                 "models": [{"id": "it-basic", "provider": "scripted", "upstream_model": "upstream-model",
                             "pricing": {"prompt": "0.000001", "completion": "0.000002"},
                             "supported_features": ["streaming"]}]}
                """.formatted(GRACE_SECONDS, upstream.baseUrl()));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Djava.io.tmpdir=" + dir.toAbsolutePath(),
                "-Daltllm.config=" + config.toAbsolutePath(),
                "-Daltllm.data.dir=" + dir.resolve("data").toAbsolutePath(),
                "-jar", Path.of("target", "altllm-micro.jar").toAbsolutePath().toString(),
                "--port", Integer.toString(port), "--nohazelcast");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitReady(Gateway gateway, Path log) throws Exception {
        long deadline = System.nanoTime()
                + TimeUnit.SECONDS.toNanos(Integer.getInteger("payara.startupTimeoutInSeconds", 180));
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), () -> "the gateway exited: " + read(log));
            try {
                if (gateway.get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway did not become ready: " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Request id to outcome of every usage record, read from the embedded database file after exit. */
    private static Map<String, String> usage(Path dir) throws Exception {
        Map<String, String> outcomes = new HashMap<>();
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("altllm").toAbsolutePath();
        try (Connection db = DriverManager.getConnection(url, "", "");
                ResultSet rows = db.createStatement().executeQuery("SELECT request_id, outcome FROM usage_records")) {
            while (rows.next()) {
                outcomes.put(rows.getString(1), rows.getString(2));
            }
        }
        return outcomes;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
