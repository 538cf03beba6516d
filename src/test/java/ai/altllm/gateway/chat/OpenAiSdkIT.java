package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.UpstreamIT;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conformance: OpenAI's official Java SDK, pointed at the gateway, works for chat, streams and errors. */
class OpenAiSdkIT extends UpstreamIT {

    OpenAIClient client;

    @BeforeEach
    void connectSdk() {
        // Retries off: each scripted upstream answer must be used exactly once.
        client = OpenAIOkHttpClient.builder().baseUrl(new Gateway(base).uri("/v1").toString())
                .apiKey(TestKeys.apiKey(new Gateway(base)))
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    private static ChatCompletionCreateParams params(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hi").build();
    }

    @Test
    void chatCompletion() {
        upstream.enqueueChat("Hello from upstream", 4, 3);
        ChatCompletion completion = client.chat().completions().create(params("it-basic"));
        assertEquals("it-basic", completion.model());
        assertEquals("Hello from upstream", completion.choices().get(0).message().content().orElseThrow());
        assertEquals(7, completion.usage().orElseThrow().totalTokens());
        upstream.take(Duration.ofSeconds(5));
    }

    @Test
    void streamedChatCompletion() {
        upstream.enqueueStream(Duration.ofMillis(20), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("Hel"),
                OpenAiJson.contentChunk("lo"), OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(2, 2), "[DONE]"),
                false);
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
                .createStreaming(params("it-basic"))) {
            List<ChatCompletionChunk> chunks = stream.stream().collect(Collectors.toList());
            assertEquals(4, chunks.size());
            assertEquals("Hello", chunks.stream().flatMap(c -> c.choices().stream())
                    .map(c -> c.delta().content().orElse("")).collect(Collectors.joining()));
            chunks.forEach(c -> assertEquals("it-basic", c.model()));
        }
        upstream.take(Duration.ofSeconds(5));
    }

    /** A function tool as the SDK's helper defines it: the schema is generated from the class. */
    @JsonClassDescription("The current weather of a city")
    public static class GetWeather {
        @JsonPropertyDescription("The city name")
        public String city;
    }

    @Test
    void functionToolHelpersRoundTripThroughTheGateway() {
        upstream.enqueueJson(200, OpenAiJson.toolCalls(12, 6, "call_w", "GetWeather", "{\"city\":\"Paris\"}"));
        ChatCompletionCreateParams ask = ChatCompletionCreateParams.builder().model("it-basic")
                .addUserMessage("Weather in Paris?").addTool(GetWeather.class).build();
        ChatCompletion turn = client.chat().completions().create(ask);
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, turn.choices().get(0).finishReason());
        ChatCompletionMessageToolCall call = turn.choices().get(0).message().toolCalls().orElseThrow().get(0);
        assertEquals("Paris", call.asFunction().function().arguments(GetWeather.class).city);
        JsonObject sent = ChatClient.json(upstream.take(Duration.ofSeconds(5)).body());
        JsonObject function = sent.getJsonArray("tools").getJsonObject(0).getJsonObject("function");
        assertEquals("GetWeather", function.getString("name"));
        assertEquals("string", function.getJsonObject("parameters").getJsonObject("properties")
                .getJsonObject("city").getString("type"), "the SDK's generated schema reaches the upstream intact");

        upstream.enqueueChat("It is sunny in Paris.", 20, 5);
        ChatCompletion answer = client.chat().completions().create(ask.toBuilder()
                .addMessage(turn.choices().get(0).message())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.asFunction().id())
                        .contentAsJson(java.util.Map.of("sky", "sunny")).build())
                .build());
        assertEquals("It is sunny in Paris.", answer.choices().get(0).message().content().orElseThrow());
        JsonArray history = ChatClient.json(upstream.take(Duration.ofSeconds(5)).body()).getJsonArray("messages");
        assertEquals("call_w", history.getJsonObject(1).getJsonArray("tool_calls").getJsonObject(0).getString("id"));
        assertEquals("tool", history.getJsonObject(2).getString("role"));
        assertEquals("call_w", history.getJsonObject(2).getString("tool_call_id"));
    }

    @Test
    void errorsSurfaceAsTheSdksExceptionsWithStatus() {
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> client.chat().completions().create(params("no-such-model")));
        assertEquals(404, missing.statusCode());
        BadRequestException bad = assertThrows(BadRequestException.class, () -> client.chat().completions()
                .create(params("it-basic").toBuilder().temperature(3.0).build()));
        assertEquals(400, bad.statusCode());
        upstream.enqueueJson(429, "{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\"}}");
        RateLimitException limited = assertThrows(RateLimitException.class,
                () -> client.chat().completions().create(params("it-basic")));
        assertEquals(429, limited.statusCode());
        upstream.take(Duration.ofSeconds(5));

        upstream.enqueueJson(429, "{\"error\":{\"message\":\"Slow down\"}}");
        assertThrows(OpenAIException.class, () -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
                    .createStreaming(params("it-basic"))) {
                stream.stream().forEach(chunk -> {});
            }
        }, "an error frame inside a stream is raised by the SDK");
        upstream.take(Duration.ofSeconds(5));
    }
}
