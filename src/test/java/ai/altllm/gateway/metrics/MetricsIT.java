package ai.altllm.gateway.metrics;

import static ai.altllm.gateway.testsupport.ChatClient.HELLO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.NodeScript;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.ServerLog;
import ai.altllm.gateway.testsupport.SseFrames;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.UpstreamIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} after real chat traffic, parsed with a Prometheus text-format parser; and the access log
 * lines the same traffic left in the server log.
 */
class MetricsIT extends UpstreamIT {

    private static final String ADMIN_KEY = System.getenv("ALTLLM_ADMIN_KEY");
    private static final String METRICS_TOKEN = "it-metrics-token-5b1e";

    private HttpResponse<String> scrape(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(chat.gateway().uri("/metrics"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return chat.gateway().send(request);
    }

    /** One scrape as the parser read it: each family's declared type, and every sample with its labels. */
    private record Scrape(Map<String, String> types, List<JsonObject> samples) {

        /** The value of the one sample of that name whose labels include these; fails if there is none. */
        double value(String name, Map<String, String> labels) {
            return Double.parseDouble(find(name, labels).orElseThrow(() -> new AssertionError("no " + name + " with "
                    + labels + " in " + samples.stream().filter(s -> s.getString("name").equals(name)).toList()))
                    .getString("value"));
        }

        double valueOr0(String name, Map<String, String> labels) {
            return find(name, labels).map(s -> Double.parseDouble(s.getString("value"))).orElse(0.0);
        }

        private Optional<JsonObject> find(String name, Map<String, String> labels) {
            return samples.stream().filter(s -> s.getString("name").equals(name))
                    .filter(s -> labels.entrySet().stream().allMatch(l -> l.getValue().equals(
                            s.getJsonObject("labels").getString(l.getKey(), null))))
                    .findFirst();
        }
    }

    /** Scrapes and parses with a Prometheus text-format parser (src/test/e2e/metrics.e2e.mjs). */
    private Scrape parsed(String token) throws Exception {
        HttpResponse<String> response = scrape(token);
        assertEquals(200, response.statusCode(), response.body());
        String type = response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "");
        assertTrue(type.startsWith("text/plain;") && type.contains(";version=0.0.4"), type);
        Path file = Files.createTempFile(Path.of("target"), "metrics", ".txt");
        Files.writeString(file, response.body(), StandardCharsets.UTF_8);
        String output = NodeScript.run("metrics.e2e.mjs", Duration.ofSeconds(60), file.toAbsolutePath().toString());
        JsonObject json = Json.createReader(new StringReader(output.substring(output.indexOf("PARSED ") + 7).strip()))
                .readObject();
        Map<String, String> types = json.getJsonArray("families").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(f -> f.getString("name"), f -> f.getString("type")));
        return new Scrape(types, json.getJsonArray("samples").stream().map(JsonValue::asJsonObject).toList());
    }

    @Test
    void chatTrafficShowsUpInTheScrapeByModelStatusAndProvider() throws Exception {
        String key = TestKeys.create(chat.gateway(), "metrics");
        Map<String, String> basic = Map.of("gen_ai_request_model", "it-basic", "gen_ai_provider_name", "scripted");
        // A first call on a cold server and upstream can outlast the 2 s idle timeout of it-config.json on a loaded
        // machine; it is left out of the counts compared below.
        upstream.enqueueChat("warm-up", 1, 1);
        chat.call(HELLO + "}");
        upstream.take(Duration.ofSeconds(10));
        // A request is counted when the server has finished it, a moment after the client has its answer.
        Thread.sleep(500);
        Scrape before = parsed(ADMIN_KEY);

        upstream.enqueueChat("Hello!", 9, 3);
        HttpResponse<String> plain = chat.gateway().send(chat.post(HELLO + "}").setHeader("Authorization",
                "Bearer " + key));
        assertEquals(200, plain.statusCode(), plain.body());
        upstream.enqueueStream(Duration.ofMillis(50), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("Hi"),
                OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(4, 2), "[DONE]"), false);
        SseFrames frames = chat.stream(HELLO + ",\"stream\":true}");
        assertEquals("[DONE]", frames.data().get(frames.data().size() - 1));
        upstream.enqueueJson(500, "{\"error\":{\"message\":\"exploded\",\"type\":\"server_error\"}}");
        assertEquals(502, chat.call(HELLO + "}").statusCode());
        for (int i = 0; i < 3; i++) {
            upstream.take(Duration.ofSeconds(5));
        }

        Map<String, String> ok = with(with(basic, "http_response_status_code", "200"), "outcome", "ok");
        Map<String, String> anyFailure = with(basic, "http_response_status_code", "502");
        Scrape after = parsed(METRICS_TOKEN);
        for (int i = 0; i < 20 && (after.valueOr0("altllm_chat_requests_total", ok) < before.valueOr0(
                "altllm_chat_requests_total", ok) + 2
                || after.valueOr0("altllm_chat_requests_total",
                        anyFailure) < before.valueOr0("altllm_chat_requests_total", anyFailure) + 1); i++) {
            Thread.sleep(250);
            after = parsed(METRICS_TOKEN);
        }
        assertEquals(before.valueOr0("altllm_chat_requests_total", ok) + 2,
                after.value("altllm_chat_requests_total", ok), "the plain and the streamed request");
        Map<String, String> failed = with(with(basic, "http_response_status_code", "502"), "outcome", "failed");
        assertEquals(before.valueOr0("altllm_chat_requests_total", failed) + 1,
                after.value("altllm_chat_requests_total", failed));
        Map<String, String> upstreamError = Map.of("gen_ai_provider_name", "scripted", "error_type", "upstream_error");
        assertEquals(before.valueOr0("altllm_upstream_errors_total", upstreamError) + 1,
                after.value("altllm_upstream_errors_total", upstreamError));

        assertEquals("HISTOGRAM", after.types().get("gen_ai_client_token_usage"));
        assertEquals("HISTOGRAM", after.types().get("gen_ai_server_request_duration_seconds"));
        assertEquals("HISTOGRAM", after.types().get("gen_ai_server_time_to_first_token_seconds"));
        assertEquals("COUNTER", after.types().get("altllm_chat_requests_total"));
        Map<String, String> input = with(basic, "gen_ai_token_type", "input");
        Map<String, String> output = with(basic, "gen_ai_token_type", "output");
        assertEquals(before.valueOr0("gen_ai_client_token_usage_count", input) + 3,
                after.value("gen_ai_client_token_usage_count", input), "every request that reached the provider");
        assertEquals(before.valueOr0("gen_ai_client_token_usage_sum", output) + 3 + 2,
                after.value("gen_ai_client_token_usage_sum", output));
        assertEquals(before.valueOr0("gen_ai_server_time_to_first_token_seconds_count", basic) + 1,
                after.value("gen_ai_server_time_to_first_token_seconds_count", basic), "only the stream");
        double count = after.value("gen_ai_server_request_duration_seconds_count", basic);
        assertEquals(count, after.value("gen_ai_server_request_duration_seconds_bucket", with(basic, "le", "+Inf")));
        assertTrue(after.value("gen_ai_server_request_duration_seconds_bucket", with(basic, "le", "0.01")) <= count);
        // it-basic costs 0.000001 per prompt and 0.000002 per completion token: (9, 3) and (4, 2).
        assertEquals(before.valueOr0("altllm_cost_credits_total", basic) + 0.000015 + 0.000008,
                after.value("altllm_cost_credits_total", basic), 1e-12);
        assertEquals(0, after.value("altllm_active_streams", Map.of()));
        assertEquals(0, after.value("altllm_draining", Map.of()));
        assertTrue(after.value("altllm_http_requests_total", Map.of("http_response_status_code", "200")) >= 2);
        assertEquals(0, after.value("altllm_refusals_total", Map.of("reason", "rate_limit")));
        assertEquals(0, after.value("altllm_refusals_total", Map.of("reason", "credits")));
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(name, value);
        return all;
    }

    @Test
    void scrapingNeedsTheAdminKeyOrTheMetricsToken() {
        assertEquals(401, scrape(null).statusCode());
        ChatClient.error(scrape("wrong-token"), 401);
        ChatClient.error(scrape(chat.apiKey()), 401);
        assertEquals(200, scrape(METRICS_TOKEN).statusCode());
        assertEquals(200, scrape(ADMIN_KEY).statusCode());
        assertFalse(scrape(ADMIN_KEY).body().contains("base_"), "Payara's own MicroProfile metrics do not answer");
    }

    @Test
    void everyRequestLeavesOneJsonAccessLineWithTheKeyIdButNeverTheKey() throws Exception {
        ServerLog.capture();
        String key = TestKeys.create(chat.gateway(), "access-log");
        upstream.enqueueChat("Logged answer", 7, 5);
        HttpResponse<String> ok = chat.gateway()
                .send(chat.post(HELLO + "}").setHeader("Authorization", "Bearer " + key));
        assertEquals(200, ok.statusCode(), ok.body());
        upstream.take(Duration.ofSeconds(5));
        HttpResponse<String> refused = chat.gateway().send(chat.post("{\"model\":\"no-such-model\",\"messages\":[]}")
                .setHeader("Authorization", "Bearer " + key));
        assertEquals(404, refused.statusCode(), refused.body());

        JsonObject line = accessLine(ok.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals(200, line.getInt("status"));
        assertTrue(line.getString("path").endsWith("/v1/chat/completions"), line.toString());
        assertEquals("it-basic", line.getString("model"));
        assertEquals("scripted/upstream-model", line.getString("deployment"));
        assertEquals(7, line.getInt("prompt_tokens"));
        assertEquals(5, line.getInt("completion_tokens"));
        assertEquals("0.000017", line.getString("cost"));
        assertTrue(line.getString("key_id").startsWith("key_"), line.toString());
        assertTrue(line.getString("account_id").startsWith("acct_"), line.toString());
        assertTrue(line.containsKey("latency_ms"));
        assertFalse(line.containsKey("prompt") || line.containsKey("completion"), "no text unless turned on");

        JsonObject refusal = accessLine(refused.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals(404, refusal.getInt("status"));
        assertEquals(line.getString("key_id"), refusal.getString("key_id"));
        String log = ServerLog.text();
        assertFalse(log.contains(key), "the API key reached the server log");
        assertFalse(log.contains(key.substring(key.length() - 20)), "part of the API key reached the server log");
        assertFalse(log.contains("Logged answer"), "completion text reached the log");
    }

    /** Waits for the one access line of a request, and checks there is exactly one. */
    private static JsonObject accessLine(String requestId) throws InterruptedException {
        String marker = "\"request_id\":\"" + requestId + "\"";
        for (int i = 0; i < 40; i++) {
            List<String> lines = ServerLog.text().lines().filter(l -> l.contains(marker)).toList();
            if (!lines.isEmpty()) {
                Thread.sleep(300);
                lines = ServerLog.text().lines().filter(l -> l.contains(marker)).toList();
                assertEquals(1, lines.size(), "one access line per request: " + lines);
                String line = lines.get(0);
                return Json.createReader(new StringReader(line.substring(line.indexOf("{\"time\""),
                        line.lastIndexOf('}') + 1))).readObject();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no access-log line for " + requestId);
    }
}
