package ai.altllm.gateway.chat;

import static ai.altllm.gateway.testsupport.ChatClient.HELLO;
import static ai.altllm.gateway.testsupport.ChatClient.error;
import static ai.altllm.gateway.testsupport.ChatClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.OpenApiSchemas;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.SseFrames;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.UpstreamIT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Upstream failures, timeouts, disconnects and failover, through the real relay on Payara Micro. */
class ChatFailuresIT extends UpstreamIT {

    @Test
    void upstreamFailuresBecomeOpenAiErrors() {
        upstream.enqueueJson(429, "{\"error\":{\"message\":\"Slow down please\",\"type\":\"rate_limit_error\"}}");
        assertEquals("Slow down please", error(chat.call(HELLO + "}"), 429).getString("message"));
        upstream.enqueueJson(500, "{\"error\":{\"message\":\"boom\"}}");
        error(chat.call(HELLO + "}"), 502);
        upstream.enqueueJson(200, "{\"not\": \"a completion\"");
        error(chat.call(HELLO + "}"), 502);
        upstream.enqueueFault(ScriptedUpstream.Fault.DISCONNECT_BEFORE_RESPONSE);
        error(chat.call(HELLO + "}"), 502);
        upstream.enqueueFault(ScriptedUpstream.Fault.STALL);
        long start = System.nanoTime();
        error(chat.call(HELLO + "}"), 504);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000, "first-byte timeout from config");
        for (int i = 0; i < 5; i++) {
            upstream.take(Duration.ofSeconds(5));
        }
    }

    @Test
    void strictJsonSchemaAnswersAreCheckedBeforeTheClientSeesThem() {
        String strict = HELLO + ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"city\","
                + "\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"],\"additionalProperties\":false}}}}";
        upstream.enqueueChat("{\"city\":\"Paris\"}", 5, 4);
        HttpResponse<String> good = chat.call(strict);
        assertEquals(200, good.statusCode(), good.body());
        upstream.enqueueChat("{\"town\":\"Paris\"}", 5, 4);
        JsonObject wrongShape = error(chat.call(strict), 502);
        assertEquals("invalid_upstream_output", wrongShape.getString("code"));
        assertEquals("response_format", wrongShape.getString("param"));
        upstream.enqueueChat("Paris, of course.", 5, 4);
        assertEquals("invalid_upstream_output", error(chat.call(strict), 502).getString("code"));
        upstream.enqueueChat("{\"town\":\"Paris\"}", 5, 4);
        assertEquals(200, chat.call(strict.replace("\"strict\":true", "\"strict\":false")).statusCode(),
                "without strict the gateway passes the answer on");
        for (int i = 0; i < 4; i++) {
            upstream.take(Duration.ofSeconds(5));
        }
    }

    @Test
    void overflowingMaxTokensIsA400BeforeAnyReservationOrUpstreamCall() {
        // 2^63 wrapped to a negative reservation (a credit); 2^70 wrapped to a reservation of zero output tokens.
        for (String huge : List.of("9223372036854775808", "1180591620717411303424")) {
            for (String field : List.of("max_tokens", "max_completion_tokens")) {
                JsonObject error = error(chat.gateway().send(chat.post(HELLO + ",\"" + field + "\":" + huge + "}")),
                        400);
                assertEquals(field, error.getString("param"), error.toString());
                assertEquals("invalid_request_error", error.getString("type"));
            }
        }
        JsonObject error = error(chat.gateway().send(chat.post(HELLO + ",\"n\":18446744073709551617}")), 400);
        assertEquals("n", error.getString("param"));
        assertEquals(requestsBefore, upstream.requestCount(), "refused before any upstream call");
    }

    @Test
    void routingAndUnknownFieldsAre400sThatReachNoUpstream() {
        String[][] cases = {
            {",\"models\":[\"openai/gpt-5\",\"anthropic/claude-opus-4\"]", "models", "invalid_value"},
            {",\"provider\":{\"order\":[\"openai\"],\"allow_fallbacks\":true}", "provider", "invalid_value"},
            {",\"route\":\"fallback\"", "route", "invalid_value"},
            {",\"extra_body\":{\"models\":[\"openai/gpt-5\"]}", "extra_body", "invalid_value"},
            {",\"upstream_model\":\"openai/gpt-5\"", "upstream_model", "invalid_value"},
            {",\"top_k\":40", "top_k", "unsupported_parameter"},
        };
        for (String[] c : cases) {
            for (String stream : List.of("", ",\"stream\":true")) {
                JsonObject error = error(chat.call(HELLO + c[0] + stream + "}"), 400);
                assertEquals(c[1], error.getString("param"), error.toString());
                assertEquals("invalid_request_error", error.getString("type"));
                assertEquals(c[2], error.getString("code"), error.toString());
            }
        }
        assertEquals(requestsBefore, upstream.requestCount(), "refused before any upstream call");
    }

    @Test
    void aModelsExtraParamsReachItsUpstreamWhileTheModelStaysTheCatalogs() {
        String extra = HELLO.replace("it-basic", "it-extra") + ",\"top_k\":40,\"temperature\":0.5}";
        upstream.enqueueChat("ok", 1, 1);
        HttpResponse<String> response = chat.call(extra);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("it-extra", Gateway.json(response).getString("model"));
        JsonObject sent = json(upstream.take(Duration.ofSeconds(5)).body());
        assertEquals(40, sent.getInt("top_k"));
        assertEquals("extra-model", sent.getString("model"));
        JsonObject refused = error(chat.call(HELLO.replace("it-basic", "it-extra") + ",\"min_p\":0.1}"), 400);
        assertEquals("min_p", refused.getString("param"), "only the listed extra params pass");
        assertEquals(requestsBefore + 1, upstream.requestCount());
    }

    @Test
    void aKeyLimitedToOtherModelsGets403WithoutReachingTheUpstream() {
        String key = TestKeys.create(chat.gateway(), "slashed-only", ",\"models\":[\"vendor/slashed-model\"]");
        HttpResponse<String> refused = chat.gateway()
                .send(chat.post(HELLO + "}").setHeader("Authorization", "Bearer " + key));
        JsonObject error = error(refused, 403);
        assertEquals("model_not_allowed", error.getString("code"));
        assertEquals(requestsBefore, upstream.requestCount(), "refused before any upstream call");
    }

    @Test
    void streamFailuresBecomeErrorFramesThenDone() throws Exception {
        upstream.enqueueJson(429, "{\"error\":{\"message\":\"Slow down please\"}}");
        List<String> early = chat.stream(HELLO + ",\"stream\":true}").data();
        assertEquals(List.of("[DONE]"), early.subList(1, 2));
        OpenApiSchemas.assertValid("ErrorResponse", early.get(0));
        assertEquals("Slow down please", json(early.get(0)).getJsonObject("error").getString("message"));

        upstream.enqueueStream(Duration.ofMillis(50), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("a")),
                true);
        long start = System.nanoTime();
        SseFrames broken = chat.stream(HELLO + ",\"stream\":true}");
        List<String> data = broken.data();
        int last = data.size() - 1;
        assertTrue(data.size() >= 3, data.toString());
        assertEquals("assistant", json(data.get(0)).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getString("role"));
        assertEquals("upstream_connection_failed", json(data.get(last - 1)).getJsonObject("error").getString("code"));
        assertEquals("error", broken.names().get(last - 1), "named, so LangChain4j sees a failure: " + broken.raw());
        assertEquals("", broken.names().get(0), broken.raw());
        assertEquals("[DONE]", data.get(last));
        assertTrue(broken.arrivalMillis().get(last) - broken.arrivalMillis().get(0) < 1100, "error within 1 s");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3000);

        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.roleChunk(), "not json", "[DONE]"), false);
        List<String> malformed = chat.stream(HELLO + ",\"stream\":true}").data();
        assertEquals("upstream_malformed", json(malformed.get(1)).getJsonObject("error").getString("code"));

        upstream.enqueueFault(ScriptedUpstream.Fault.STALL);
        List<String> stalled = chat.stream(HELLO + ",\"stream\":true}").data();
        assertEquals("upstream_timeout", json(stalled.get(0)).getJsonObject("error").getString("code"));

        upstream.enqueueStream(Duration.ofMillis(2600), List.of(OpenAiJson.roleChunk(), "[DONE]"), false);
        List<String> idle = chat.stream(HELLO + ",\"stream\":true}").data();
        JsonObject idleError = json(idle.get(0)).getJsonObject("error");
        assertTrue(idleError.getString("message").contains("idle"), idleError.toString());
        assertEquals("[DONE]", idle.get(1));
        for (int i = 0; i < 5; i++) {
            upstream.take(Duration.ofSeconds(5));
        }
    }

    @Test
    void clientDisconnectCancelsTheUpstreamExchange() throws Exception {
        List<String> many = new ArrayList<>();
        many.add(OpenAiJson.roleChunk());
        for (int i = 0; i < 500; i++) {
            many.add(OpenAiJson.contentChunk("x".repeat(50)));
        }
        upstream.enqueueStream(Duration.ofMillis(20), many, false);
        // A raw socket, so the hang-up is a real TCP close rather than whatever an HTTP client does on close().
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            startRawStream(socket);
        }
        assertTrue(upstream.awaitClientClose(Duration.ofSeconds(1)), "the upstream must see the gateway hang up");
        upstream.take(Duration.ofSeconds(5));
    }

    @Test
    void clientsThatStopReadingHoldBackOnlyTheirOwnStreams() throws Exception {
        List<String> flood = new ArrayList<>();
        flood.add(OpenAiJson.roleChunk());
        String big = OpenAiJson.contentChunk("y".repeat(4000));
        for (int i = 0; i < 4000; i++) {
            flood.add(big);
        }
        flood.add("[DONE]");
        List<Socket> stalled = new ArrayList<>();
        try {
            // Several, so that every one of the upstream client's I/O threads carries a stalled stream.
            for (int i = 0; i < 4; i++) {
                upstream.enqueueStream(Duration.ZERO, flood, false);
                Socket socket = new Socket();
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                stalled.add(socket);
                startRawStream(socket);
            }
            Thread.sleep(1000);
            upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("fine"),
                    OpenAiJson.finishChunk("stop"), "[DONE]"), false);
            long start = System.nanoTime();
            List<String> frames = chat.stream(HELLO + ",\"stream\":true}").data();
            assertEquals("[DONE]", frames.get(frames.size() - 1), frames.toString());
            assertEquals("fine", json(frames.get(1)).getJsonArray("choices").getJsonObject(0)
                    .getJsonObject("delta").getString("content"));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 3000, "a reading client is not held up");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        for (int i = 0; i < 5; i++) {
            upstream.take(Duration.ofSeconds(5));
        }
    }

    /** Sends a streamed chat request on a raw socket and reads the 200 and the start of the first frame. */
    private void startRawStream(Socket socket) throws IOException {
        byte[] request = (HELLO + ",\"stream\":true}").getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + chat.gateway().uri("/v1/chat/completions").getRawPath() + " HTTP/1.1\r\nHost: "
                + base.getHost() + "\r\nAuthorization: Bearer " + chat.apiKey()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + request.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(request);
        out.flush();
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        String head = new String(in.readNBytes(600), StandardCharsets.UTF_8);
        assertTrue(head.startsWith("HTTP/1.1 200") && head.contains("data: {"), head);
    }

    @Test
    void routedModelFailsOverBeforeAnythingIsSentThenOpensTheCircuit() {
        // Weights 1000000:1 (it-config.json) put the primary first all but once in a million; the keyless
        // deployment, heaviest of all, must never be chosen.
        String routed = HELLO.replace("it-basic", "it-routed") + "}";
        for (int i = 0; i < 3; i++) {
            upstream.enqueueJson(500, "{\"error\":{\"message\":\"primary down\"}}");
            upstream.enqueueChat("from backup", 1, 1);
            HttpResponse<String> response = chat.call(routed);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("it-routed", Gateway.json(response).getString("model"));
            ScriptedUpstream.Recorded primary = upstream.take(Duration.ofSeconds(5));
            assertEquals("primary-model", json(primary.body()).getString("model"));
            ScriptedUpstream.Recorded backup = upstream.take(Duration.ofSeconds(5));
            assertEquals("backup-model", json(backup.body()).getString("model"));
            assertEquals("Bearer it-upstream-key-b", backup.header("Authorization"));
        }
        upstream.enqueueChat("straight to backup", 1, 1);
        assertEquals(200, chat.call(routed).statusCode());
        assertEquals("backup-model", json(upstream.take(Duration.ofSeconds(5)).body()).getString("model"),
                "three failures in a row open the primary's circuit");
    }

    @Test
    void aStreamFailsOverWhileNoChunkHasBeenSent() {
        upstream.enqueueJson(503, "{\"error\":{\"message\":\"primary busy\"}}");
        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("ok"),
                OpenAiJson.finishChunk("stop"), "[DONE]"), false);
        List<String> frames = chat.stream(HELLO.replace("it-basic", "it-failover") + ",\"stream\":true}").data();
        assertEquals(4, frames.size(), frames.toString());
        frames.subList(0, 3).forEach(f -> assertEquals("it-failover", json(f).getString("model")));
        assertEquals("[DONE]", frames.get(3));
        // Both deployments must have been asked; which went first is the router's (weighted) choice.
        Set<String> asked = Set.of(json(upstream.take(Duration.ofSeconds(5)).body()).getString("model"),
                json(upstream.take(Duration.ofSeconds(5)).body()).getString("model"));
        assertEquals(Set.of("failover-primary", "failover-backup"), asked);
    }

    @Test
    void aClientErrorIsNotRetriedElsewhere() {
        upstream.enqueueJson(400, "{\"error\":{\"message\":\"bad prompt\"}}");
        assertEquals("bad prompt", error(chat.call(HELLO.replace("it-basic", "it-failover") + "}"), 400)
                .getString("message"));
        upstream.take(Duration.ofSeconds(5));
        assertEquals(1, upstream.requestCount() - requestsBefore, "a client error is not retried elsewhere");
    }
}
