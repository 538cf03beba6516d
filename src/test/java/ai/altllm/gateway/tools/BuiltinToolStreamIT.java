package ai.altllm.gateway.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.PriceSourceIT;
import ai.altllm.gateway.testsupport.SseFrames;
import ai.altllm.gateway.testsupport.TestKeys;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Built-in tool rounds in one coherent stream, checked on the wire and through OpenAI's Java SDK. */
class BuiltinToolStreamIT extends PriceSourceIT {

    private static final String ETH_PRICE = API
            + "/simple/price?ids=ethereum&include_24hr_change=true&vs_currencies=usd";

    /** Round one: some text, then a built-in price call whose arguments arrive in two deltas. */
    private static void scriptPriceRound(String... extraCalls) {
        List<String> frames = new java.util.ArrayList<>(List.of(OpenAiJson.roleChunk(),
                OpenAiJson.contentChunk("Let me check. "),
                OpenAiJson.toolCallChunk(0, "call_p", "crypto_price", ""),
                OpenAiJson.toolCallChunk(0, null, null, "{\"ids\":[\"ethereum\"]}")));
        frames.addAll(List.of(extraCalls));
        frames.addAll(List.of(OpenAiJson.finishChunk("tool_calls"), OpenAiJson.usageChunk(10, 5), "[DONE]"));
        upstream.enqueueStream(Duration.ofMillis(5), frames, false);
    }

    /** A price round and an answer round, streamed to the client for this request body's extra fields. */
    private SseFrames streamTwoRounds(String extraFields) {
        prices.answer(ETH_PRICE, "{\"ethereum\":{\"usd\":3000}}");
        scriptPriceRound();
        scriptAnswerRound();
        return chat.stream("{\"model\":\"it-tools\",\"messages\":[{\"role\":\"user\",\"content\":\"ETH?\"}],"
                + "\"stream\":true" + extraFields + "}");
    }

    private static void scriptAnswerRound() {
        upstream.enqueueStream(Duration.ofMillis(5), List.of(OpenAiJson.roleChunk(),
                OpenAiJson.contentChunk("ETH is "), OpenAiJson.contentChunk("3000 USD."),
                OpenAiJson.finishChunk("stop"),
                OpenAiJson.usageChunk(30, 8), "[DONE]"), false);
    }

    private static List<JsonObject> chunks(SseFrames frames) {
        return frames.data().stream().filter(d -> !"[DONE]".equals(d)).map(ChatClient::json)
                .collect(Collectors.toList());
    }

    private static JsonObject delta(JsonObject chunk) {
        return chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
    }

    @Test
    void roundsStreamAsOneAnswerWithOneRoleOneFinishAndOneDone() {
        SseFrames frames = streamTwoRounds(",\"stream_options\":{\"include_usage\":true}");
        assertEquals("[DONE]", frames.data().get(frames.data().size() - 1));
        assertEquals(1, frames.data().stream().filter("[DONE]"::equals).count());
        List<JsonObject> chunks = chunks(frames);
        List<JsonObject> withChoices = chunks.stream().filter(c -> !c.getJsonArray("choices").isEmpty()).toList();
        assertEquals("assistant", delta(withChoices.get(0)).getString("role"));
        assertEquals(1, withChoices.stream().filter(c -> delta(c).containsKey("role")).count(), frames.raw());
        assertFalse(frames.raw().contains("tool_calls") || frames.raw().contains("crypto_price"), frames.raw());
        assertEquals("Let me check. ETH is 3000 USD.", withChoices.stream()
                .map(c -> delta(c).getString("content", "")).collect(Collectors.joining()));
        List<String> finishes = withChoices.stream().map(c -> c.getJsonArray("choices").getJsonObject(0))
                .filter(c -> !c.isNull("finish_reason")).map(c -> c.getString("finish_reason")).toList();
        assertEquals(List.of("stop"), finishes);
        assertEquals(1, chunks.stream().map(c -> c.getString("id")).distinct().count(), "one stream, one id");
        chunks.forEach(c -> assertEquals("it-tools", c.getString("model")));
        JsonObject usage = chunks.get(chunks.size() - 1).getJsonObject("usage");
        assertEquals(53, usage.getInt("total_tokens"), "every round's tokens: " + usage);

        upstream.take(Duration.ofSeconds(5));
        JsonArray history = ChatClient.json(upstream.take(Duration.ofSeconds(5)).body()).getJsonArray("messages");
        JsonObject assistant = history.getJsonObject(1);
        assertEquals("Let me check. ", assistant.getString("content"));
        assertEquals("{\"ids\":[\"ethereum\"]}", assistant.getJsonArray("tool_calls").getJsonObject(0)
                .getJsonObject("function").getString("arguments"));
        assertTrue(history.getJsonObject(2).getString("content").contains("3000"));
    }

    @Test
    void clientsThatAskSeeTheBuiltinRoundsOnTheFinishChunk() {
        SseFrames frames = streamTwoRounds(",\"builtin_tools\":\"show\"");
        List<JsonObject> chunks = chunks(frames);
        JsonObject last = chunks.get(chunks.size() - 1);
        assertEquals("stop", last.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        assertEquals("call_p", last.getJsonArray("builtin_tool_rounds").getJsonObject(0).getJsonArray("results")
                .getJsonObject(0).getString("tool_call_id"));
        assertEquals(1, frames.raw().split("builtin_tool_rounds", -1).length - 1, "only on the finish chunk");
        upstream.take(Duration.ofSeconds(5));
        upstream.take(Duration.ofSeconds(5));
    }

    @Test
    void theClientsOwnCallsStreamAsIndexedDeltasWhileBuiltinOnesStayHidden() {
        scriptPriceRound(OpenAiJson.toolCallChunk(1, "call_w", "get_weather", "{\"city\":"),
                OpenAiJson.toolCallChunk(1, null, null, "\"Oslo\"}"));
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}],\"parallel_tool_calls\":true";
        SseFrames frames = chat.stream("{\"model\":\"it-tools\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"stream\":true" + tools + "}");
        assertFalse(frames.raw().contains("crypto_price"), frames.raw());
        List<JsonObject> calls = chunks(frames).stream().filter(c -> delta(c).containsKey("tool_calls"))
                .flatMap(c -> delta(c).getJsonArray("tool_calls").stream().map(JsonObject.class::cast)).toList();
        assertEquals(2, calls.size(), frames.raw());
        calls.forEach(call -> assertEquals(0, call.getInt("index"), "re-indexed from 0 for the client"));
        assertEquals("call_w", calls.get(0).getString("id"));
        assertEquals("{\"city\":\"Oslo\"}", calls.stream().map(c -> c.getJsonObject("function")
                .getString("arguments")).collect(Collectors.joining()));
        JsonObject last = chunks(frames).get(chunks(frames).size() - 1);
        assertEquals("tool_calls", last.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        assertEquals(requestsBefore + 1, upstream.requestCount(), "a turn with a client call ends the request");
        JsonObject sent = ChatClient.json(upstream.take(Duration.ofSeconds(5)).body());
        assertEquals(true, sent.getBoolean("parallel_tool_calls"), "parallel_tool_calls reaches the upstream");
    }

    @Test
    void javaSdkAccumulatesTheStreamAndReadsTheBuiltinAnswer() {
        prices.answer(ETH_PRICE, "{\"ethereum\":{\"usd\":3000}}");
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(new Gateway(base).uri("/v1").toString())
                .apiKey(TestKeys.apiKey(new Gateway(base))).maxRetries(0).timeout(Duration.ofSeconds(20)).build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("it-tools")
                .addUserMessage("ETH?").build();
        scriptPriceRound();
        scriptAnswerRound();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion streamed = accumulator.chatCompletion();
        assertEquals("Let me check. ETH is 3000 USD.", streamed.choices().get(0).message().content().orElseThrow());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, streamed.choices().get(0).finishReason());
        assertTrue(streamed.choices().get(0).message().toolCalls().orElse(List.of()).isEmpty());

        upstream.enqueueJson(200, OpenAiJson.toolCalls(10, 5, "call_p", "crypto_price", "{\"ids\":[\"ethereum\"]}"));
        upstream.enqueueChat("ETH is 3000 USD.", 30, 8);
        ChatCompletion plain = client.chat().completions().create(params);
        assertEquals("ETH is 3000 USD.", plain.choices().get(0).message().content().orElseThrow());
        assertEquals(53, plain.usage().orElseThrow().totalTokens());
        for (int i = 0; i < 4; i++) {
            upstream.take(Duration.ofSeconds(5));
        }
    }
}
