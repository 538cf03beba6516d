package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.UpstreamIT;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Conformance: LangChain4j's OpenAI streaming model, pointed at the gateway, sees a failed stream as a failure. */
class LangChain4jIT extends UpstreamIT {

    /** What the handler was told first: the completed response or the error. */
    private record Outcome(ChatResponse response, Throwable error, String text) {
    }

    private Outcome stream() throws Exception {
        Gateway gateway = new Gateway(base);
        StreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(gateway.uri("/v1").toString())
                .apiKey(TestKeys.apiKey(gateway)).modelName("it-basic").timeout(Duration.ofSeconds(20)).build();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        model.chat("Hi", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                text.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                outcome.complete(new Outcome(response, null, text.toString()));
            }

            @Override
            public void onError(Throwable error) {
                outcome.complete(new Outcome(null, error, text.toString()));
            }
        });
        return outcome.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aNormalStreamCompletes() throws Exception {
        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("He"),
                OpenAiJson.contentChunk("llo"), OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(5, 2),
                "[DONE]"), false);
        Outcome outcome = stream();
        assertNull(outcome.error());
        assertEquals("Hello", outcome.response().aiMessage().text());
        upstream.take(Duration.ofSeconds(5));
    }

    @Test
    void aStreamCutMidWayIsAnError() throws Exception {
        upstream.enqueueStream(Duration.ofMillis(50), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("Hal")),
                true);
        Outcome outcome = stream();
        assertNull(outcome.response(), "a cut stream must not end as a normal, truncated answer");
        assertNotNull(outcome.error());
        upstream.take(Duration.ofSeconds(5));
    }

    @Test
    void anUpstreamErrorEventIsAnError() throws Exception {
        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("Hal"),
                "{\"error\":{\"message\":\"overloaded\"}}", "[DONE]"), false);
        Outcome outcome = stream();
        assertNull(outcome.response(), "a failed stream must not end as a normal answer");
        assertTrue(String.valueOf(outcome.error()).length() > 0);
        upstream.take(Duration.ofSeconds(5));
    }
}
