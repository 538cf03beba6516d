package ai.altllm.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScriptedUpstreamTest {

    private final ScriptedUpstream upstream = ScriptedUpstream.start(0);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        upstream.close();
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer up-key").timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void answersScriptedJsonAndRecordsTheRequest() throws Exception {
        upstream.enqueueChat("hello", 3, 1);
        HttpResponse<String> response = client.send(post("{\"model\":\"m\"}"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"content\":\"hello\""));
        ScriptedUpstream.Recorded seen = upstream.take(Duration.ofSeconds(1));
        assertEquals("POST", seen.method());
        assertEquals("/v1/chat/completions", seen.path());
        assertEquals("Bearer up-key", seen.header("Authorization"));
        assertEquals("{\"model\":\"m\"}", seen.body());
        assertTrue(upstream.baseUrl().startsWith("http://127.0.0.1:"));
    }

    @Test
    void resetForgetsLeftoverAnswersAndRecordedRequests() throws Exception {
        upstream.enqueueChat("left over", 1, 1);
        client.send(post("{\"old\":1}"), HttpResponse.BodyHandlers.ofString());
        upstream.enqueueChat("left over too", 1, 1);
        upstream.reset();
        upstream.enqueueChat("fresh", 1, 1);
        HttpResponse<String> response = client.send(post("{}"), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.body().contains("\"content\":\"fresh\""), response.body());
        assertEquals("{}", upstream.take(Duration.ofSeconds(1)).body(), "the earlier request was forgotten");
    }

    @Test
    void streamsFramesOneByOneWithPauses() throws Exception {
        upstream.enqueueStream(Duration.ofMillis(150),
                List.of(OpenAiJson.contentChunk("a"), OpenAiJson.contentChunk("b"), "[DONE]"), false);
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = client.send(post("{}"), HttpResponse.BodyHandlers.ofInputStream());
        List<Long> arrivals = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isEmpty()) {
                    lines.add(line);
                    arrivals.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        assertEquals(3, lines.size());
        assertEquals("data: [DONE]", lines.get(2));
        // Lower bounds only: a loaded machine may deliver late, but a pause can never be skipped.
        assertTrue(arrivals.get(0) >= 140 && arrivals.get(2) >= 440, "each frame waits its pause: " + arrivals);
        assertTrue(arrivals.get(0) < arrivals.get(2), "frames must arrive one by one: " + arrivals);
    }

    @Test
    void midStreamBreakTruncatesTheBody() throws Exception {
        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.contentChunk("a")), true);
        HttpResponse<java.io.InputStream> response = client.send(post("{}"), HttpResponse.BodyHandlers.ofInputStream());
        assertThrows(IOException.class, () -> response.body().readAllBytes());
    }

    @Test
    void stallNeverAnswers() {
        upstream.enqueueFault(ScriptedUpstream.Fault.STALL);
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/models"))
                .timeout(Duration.ofMillis(300)).build();
        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void disconnectBeforeResponseFailsTheExchange() {
        upstream.enqueueFault(ScriptedUpstream.Fault.DISCONNECT_BEFORE_RESPONSE);
        assertThrows(IOException.class, () -> client.send(post("{}"), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void noticesWhenTheClientHangsUpMidStream() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(OpenAiJson.contentChunk("x".repeat(100)));
        }
        upstream.enqueueStream(Duration.ofMillis(10), many, false);
        HttpResponse<java.io.InputStream> response = client.send(post("{}"), HttpResponse.BodyHandlers.ofInputStream());
        response.body().read(new byte[64]);
        response.body().close();
        assertTrue(upstream.awaitClientClose(Duration.ofSeconds(5)), "upstream should see the client close");
    }
}
