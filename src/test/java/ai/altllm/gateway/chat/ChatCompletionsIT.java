package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.OpenApiSchemas;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.SseFrames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /v1/chat/completions} through the real relay on Payara Micro against a scripted upstream. */
@ExtendWith(ArquillianExtension.class)
class ChatCompletionsIT {

    static final String HELLO = "{\"model\":\"it-basic\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static ScriptedUpstream upstream;

    @ArquillianResource
    URL base;

    Gateway gateway;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Gateway.war();
    }

    @BeforeAll
    static void startUpstream() {
        upstream = ScriptedUpstream.start(Integer.getInteger("upstream.port"));
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @BeforeEach
    void connect() {
        gateway = new Gateway(base);
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(gateway.uri("/v1/chat/completions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer test")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> call(String body) {
        return gateway.send(post(body));
    }

    private SseFrames stream(String body) throws Exception {
        HttpResponse<InputStream> response = CLIENT.send(post(body).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        return SseFrames.read(response);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject error(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        OpenApiSchemas.assertValid("ErrorResponse", response.body());
        return Gateway.json(response).getJsonObject("error");
    }

    @Test
    void nonStreamedAnswerIsRelayedUnderThePublicModel() {
        upstream.enqueueChat("Hello!", 9, 3);
        HttpResponse<String> response = call(HELLO + ",\"temperature\":0.5,\"x_custom\":{\"a\":1}}");
        assertEquals(200, response.statusCode(), response.body());
        OpenApiSchemas.assertValid("CreateChatCompletionResponse", response.body());
        JsonObject body = Gateway.json(response);
        assertEquals("it-basic", body.getString("model"));
        assertEquals("Hello!", body.getJsonArray("choices").getJsonObject(0).getJsonObject("message")
                .getString("content"));
        assertEquals(12, body.getJsonObject("usage").getInt("total_tokens"));

        ScriptedUpstream.Recorded seen = upstream.take(Duration.ofSeconds(5));
        assertEquals("/v1/chat/completions", seen.path());
        assertEquals("Bearer it-upstream-key", seen.header("Authorization"), "provider key, never the client's");
        JsonObject sent = json(seen.body());
        assertEquals("upstream-model", sent.getString("model"));
        assertEquals(1, sent.getJsonObject("x_custom").getInt("a"), "unknown fields pass through");
        assertEquals(0.5, sent.getJsonNumber("temperature").doubleValue());
        assertFalse(sent.containsKey("stream_options"));
    }

    @Test
    void streamedFramesAreExactSpacedAndNameThePublicModel() throws Exception {
        upstream.enqueueStream(Duration.ofMillis(200), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("He"),
                OpenAiJson.contentChunk("llo"), OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(5, 2), "[DONE]"),
                false);
        SseFrames frames = stream(HELLO + ",\"stream\":true}");
        assertTrue(frames.raw().matches("(data: [^\\n]+\\n\\n)+"), frames.raw());
        assertEquals(List.of("[DONE]"), frames.data().subList(frames.data().size() - 1, frames.data().size()));
        List<String> chunks = frames.data().subList(0, frames.data().size() - 1);
        assertEquals(4, chunks.size(), "usage chunk stripped: the client did not ask: " + chunks);
        for (String chunk : chunks) {
            OpenApiSchemas.assertValid("CreateChatCompletionStreamResponse", chunk);
            assertEquals("it-basic", json(chunk).getString("model"));
            assertFalse(chunk.contains("upstream-model"));
        }
        assertEquals("assistant", json(chunks.get(0)).getJsonArray("choices").getJsonObject(0)
                .getJsonObject("delta").getString("role"));
        long spread = frames.arrivalMillis().get(3) - frames.arrivalMillis().get(0);
        assertTrue(spread >= 450, "each chunk is flushed as it arrives, not buffered: " + frames.arrivalMillis());

        JsonObject sent = json(upstream.take(Duration.ofSeconds(5)).body());
        assertTrue(sent.getBoolean("stream"));
        assertTrue(sent.getJsonObject("stream_options").getBoolean("include_usage"), "usage always asked upstream");
    }

    @Test
    void usageChunkAppearsWhenAskedAndToolCallDeltasKeepTheirIndex() throws Exception {
        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.contentChunk(""),
                OpenAiJson.toolCallChunk(0, "call_a", "lookup", ""), OpenAiJson.toolCallChunk(1, "call_b", "other", ""),
                OpenAiJson.toolCallChunk(1, null, null, "{\"q\":1}"), OpenAiJson.finishChunk("tool_calls"),
                OpenAiJson.usageChunk(7, 4), "[DONE]"), false);
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"other\"}}]";
        SseFrames frames = stream(HELLO + tools + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        List<String> chunks = frames.data();
        assertEquals(7, chunks.size(), chunks.toString());
        assertEquals("assistant", json(chunks.get(0)).getJsonArray("choices").getJsonObject(0)
                .getJsonObject("delta").getString("role"), "the first delta carries the role");
        assertEquals(1, json(chunks.get(3)).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getJsonArray("tool_calls").getJsonObject(0).getInt("index"));
        JsonObject usage = json(chunks.get(5));
        OpenApiSchemas.assertValid("CreateChatCompletionStreamResponse", chunks.get(5));
        assertEquals(11, usage.getJsonObject("usage").getInt("total_tokens"));
        assertEquals("it-basic", usage.getString("model"));
        upstream.take(Duration.ofSeconds(5));
    }

    @Test
    void invalidRequestsAre400sNamingTheParam() {
        String[][] cases = {
            {"{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model"},
            {"{\"model\":\"it-basic\",\"messages\":[]}", "messages"},
            {"{\"model\":\"it-basic\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}", "messages[0].role"},
            {HELLO + ",\"temperature\":2.5}", "temperature"},
            {HELLO + ",\"top_p\":-0.1}", "top_p"},
            {HELLO + ",\"n\":0}", "n"},
            {HELLO + ",\"max_tokens\":0}", "max_tokens"},
            {HELLO + ",\"presence_penalty\":3}", "presence_penalty"},
            {HELLO + ",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}", "stop"},
            {HELLO + ",\"stream\":\"yes\"}", "stream"},
            {HELLO + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"bad name\"}}]}",
                "tools[0].function.name"},
            {HELLO + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"missing\"}}}", "tool_choice"},
            {HELLO + ",\"response_format\":{\"type\":\"xml\"}}", "response_format"},
            {"{\"model\":\"vendor/slashed-model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"response_format\":{\"type\":\"json_object\"}}", "response_format"},
            {HELLO + ",\"api_base\":\"http://evil\"}", "api_base"},
            {HELLO + ",\"extra_headers\":{}}", "extra_headers"},
            {"{\"model\":\"it-video\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model"},
        };
        for (String[] c : cases) {
            JsonObject error = error(call(c[0]), 400);
            assertEquals(c[1], error.getString("param"), c[0] + " -> " + error);
            assertEquals("invalid_request_error", error.getString("type"));
        }
        error(call("{\"model\":"), 400);
        error(call("[1]"), 400);
        error(call("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400);
        assertEquals(0, upstream.requestCount() - requestsBefore, "nothing invalid reaches the upstream");
    }

    private static int requestsBefore;

    @BeforeEach
    void countRequests() {
        requestsBefore = upstream.requestCount();
    }

    @Test
    void requestLevelRefusals() {
        JsonObject missing = error(call("{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                404);
        assertEquals("model_not_found", missing.getString("code"));
        JsonObject keyless = error(call("{\"model\":\"it-keyless\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                503);
        assertTrue(keyless.getString("message").contains("ALTLLM_IT_UNSET_KEY"), keyless.toString());
        error(gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions")).header("Content-Type",
                "text/plain").header("Authorization", "Bearer test").POST(HttpRequest.BodyPublishers.ofString(HELLO
                        + "}"))), 415);
        String huge = HELLO.replace("\"Hi\"", "\"" + "x".repeat(5 * 1024 * 1024) + "\"") + "}";
        error(call(huge), 413);
        HttpRequest.Builder badUtf8 = post("").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"',
            (byte) 0xC3, '"', ':', '1', '}'}));
        error(gateway.send(badUtf8), 400);
        assertEquals(405, gateway.get("/v1/chat/completions").statusCode());
        assertEquals(0, upstream.requestCount() - requestsBefore);
    }

    @Test
    void upstreamFailuresBecomeOpenAiErrors() {
        upstream.enqueueJson(429, "{\"error\":{\"message\":\"Slow down please\",\"type\":\"rate_limit_error\"}}");
        assertEquals("Slow down please", error(call(HELLO + "}"), 429).getString("message"));
        upstream.enqueueJson(500, "{\"error\":{\"message\":\"boom\"}}");
        error(call(HELLO + "}"), 502);
        upstream.enqueueJson(200, "{\"not\": \"a completion\"");
        error(call(HELLO + "}"), 502);
        upstream.enqueueFault(ScriptedUpstream.Fault.DISCONNECT_BEFORE_RESPONSE);
        error(call(HELLO + "}"), 502);
        upstream.enqueueFault(ScriptedUpstream.Fault.STALL);
        long start = System.nanoTime();
        error(call(HELLO + "}"), 504);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000, "first-byte timeout from config");
        for (int i = 0; i < 5; i++) {
            upstream.take(Duration.ofSeconds(5));
        }
    }

    @Test
    void streamFailuresBecomeErrorFramesThenDone() throws Exception {
        upstream.enqueueJson(429, "{\"error\":{\"message\":\"Slow down please\"}}");
        List<String> early = stream(HELLO + ",\"stream\":true}").data();
        assertEquals(List.of("[DONE]"), early.subList(1, 2));
        OpenApiSchemas.assertValid("ErrorResponse", early.get(0));
        assertEquals("Slow down please", json(early.get(0)).getJsonObject("error").getString("message"));

        upstream.enqueueStream(Duration.ofMillis(50), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("a")),
                true);
        long start = System.nanoTime();
        SseFrames broken = stream(HELLO + ",\"stream\":true}");
        List<String> data = broken.data();
        int last = data.size() - 1;
        assertTrue(data.size() >= 3, data.toString());
        assertEquals("assistant", json(data.get(0)).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getString("role"));
        assertEquals("upstream_connection_failed", json(data.get(last - 1)).getJsonObject("error").getString("code"));
        assertEquals("[DONE]", data.get(last));
        assertTrue(broken.arrivalMillis().get(last) - broken.arrivalMillis().get(0) < 1100, "error within 1 s");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3000);

        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.roleChunk(), "not json", "[DONE]"), false);
        List<String> malformed = stream(HELLO + ",\"stream\":true}").data();
        assertEquals("upstream_malformed", json(malformed.get(1)).getJsonObject("error").getString("code"));

        upstream.enqueueFault(ScriptedUpstream.Fault.STALL);
        List<String> stalled = stream(HELLO + ",\"stream\":true}").data();
        assertEquals("upstream_timeout", json(stalled.get(0)).getJsonObject("error").getString("code"));

        upstream.enqueueStream(Duration.ofMillis(2600), List.of(OpenAiJson.roleChunk(), "[DONE]"), false);
        List<String> idle = stream(HELLO + ",\"stream\":true}").data();
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
        byte[] request = (HELLO + ",\"stream\":true}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + gateway.uri("/v1/chat/completions").getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + "test\r\nContent-Type: application/json\r\nContent-Length: " + request.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(600), StandardCharsets.UTF_8);
            assertTrue(head.startsWith("HTTP/1.1 200") && head.contains("data: {"), head);
        }
        assertTrue(upstream.awaitClientClose(Duration.ofSeconds(1)), "the upstream must see the gateway hang up");
        upstream.take(Duration.ofSeconds(5));
    }
}
