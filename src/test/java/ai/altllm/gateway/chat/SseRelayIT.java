package ai.altllm.gateway.chat;

import static ai.altllm.gateway.testsupport.ChatClient.HELLO;
import static ai.altllm.gateway.testsupport.ChatClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.OpenApiSchemas;
import ai.altllm.gateway.testsupport.SseFrames;
import ai.altllm.gateway.testsupport.UpstreamIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the relay reads the upstream's event stream: its own {@code [DONE]} ends it, and any SSE line end works. */
class SseRelayIT extends UpstreamIT {

    @Test
    void framesAfterTheUpstreamsDoneNeverReachTheClient() {
        upstream.enqueueStream(Duration.ofMillis(700), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("Hi"),
                "[DONE]", OpenAiJson.contentChunk("AFTER"), OpenAiJson.finishChunk("stop")), false);
        long start = System.nanoTime();
        SseFrames frames = chat.stream(HELLO + ",\"stream\":true}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(frames.raw().contains("AFTER"), frames.raw());
        assertEquals(3, frames.data().size(), frames.raw());
        assertEquals("[DONE]", frames.data().get(2));
        assertTrue(millis < 2900, "the client's stream ends at the upstream's [DONE], not at its close: " + millis);
    }

    @Test
    void eventsSeparatedByCrOnlyOrMixedLineEndsAreAllRelayed() {
        String body = "data: " + OpenAiJson.roleChunk() + "\r\r"
                + "data: " + OpenAiJson.contentChunk("one") + "\r\n\r\n"
                + "data: " + OpenAiJson.contentChunk("two") + "\n\r"
                + "data: " + OpenAiJson.finishChunk("stop") + "\r\r\n"
                + "data: [DONE]\r\r"
                + "data: " + OpenAiJson.contentChunk("AFTER") + "\r\r";
        upstream.enqueueBytes(200, "text/event-stream", body.getBytes(StandardCharsets.UTF_8));
        SseFrames frames = chat.stream(HELLO + ",\"stream\":true}");
        List<String> data = frames.data();
        assertEquals(5, data.size(), frames.raw());
        for (String chunk : data.subList(0, 4)) {
            OpenApiSchemas.assertValid("CreateChatCompletionStreamResponse", chunk);
        }
        assertEquals("one", json(data.get(1)).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getString("content"));
        assertEquals("two", json(data.get(2)).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getString("content"));
        assertEquals("[DONE]", data.get(4));
    }
}
