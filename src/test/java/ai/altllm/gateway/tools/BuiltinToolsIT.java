package ai.altllm.gateway.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.PriceSourceIT;
import ai.altllm.gateway.testsupport.ScriptedPriceSource.Mode;
import ai.altllm.gateway.testsupport.ScriptedUpstream.Recorded;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Built-in crypto tools run by the gateway between model rounds, answered as JSON (not streamed). */
class BuiltinToolsIT extends PriceSourceIT {

    static final String ASK = "{\"model\":\"it-tools\",\"messages\":[{\"role\":\"user\",\"content\":\"Price of BTC?\"}]";
    static final String BTC_PRICE = API + "/simple/price?ids=bitcoin&include_24hr_change=true&vs_currencies=usd";

    @AfterEach
    void answerAgain() {
        prices.mode(Mode.ANSWER);
    }

    static JsonObject message(JsonObject completion) {
        return completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message");
    }

    static JsonArray messages(Recorded request) {
        return ChatClient.json(request.body()).getJsonArray("messages");
    }

    static List<String> toolNames(Recorded request) {
        JsonArray tools = ChatClient.json(request.body()).getJsonArray("tools");
        return tools == null ? List.of() : tools.stream().map(t -> t.asJsonObject().getJsonObject("function")
                .getString("name")).collect(Collectors.toList());
    }

    @Test
    void aPriceQuestionRunsTheToolAndTheModelAnswersFromIt() {
        prices.answer(BTC_PRICE, "{\"bitcoin\":{\"usd\":97123.5,\"usd_24h_change\":1.25}}");
        upstream.enqueueJson(200, OpenAiJson.toolCalls(11, 7, "call_p", "crypto_price",
                "{\"ids\":[\"bitcoin\"],\"vs_currency\":\"usd\"}"));
        upstream.enqueueChat("Bitcoin trades at 97,123.50 USD.", 40, 9);
        HttpResponse<String> response = chat.call(ASK + "}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject completion = ChatClient.json(response.body());
        assertEquals("it-tools", completion.getString("model"));
        assertEquals("Bitcoin trades at 97,123.50 USD.", message(completion).getString("content"));
        assertFalse(message(completion).containsKey("tool_calls"), "the client never sees built-in calls");
        assertEquals("stop", completion.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        JsonObject usage = completion.getJsonObject("usage");
        assertEquals(51, usage.getInt("prompt_tokens"), "both rounds are counted: " + usage);
        assertEquals(16, usage.getInt("completion_tokens"));

        Recorded first = upstream.take(Duration.ofSeconds(5));
        assertEquals(List.of("crypto_market_data", "crypto_price", "crypto_search"), toolNames(first));
        assertFalse(first.body().contains("builtin_tools"));
        Recorded second = upstream.take(Duration.ofSeconds(5));
        JsonArray history = messages(second);
        assertEquals(3, history.size(), history.toString());
        assertEquals("call_p", history.getJsonObject(1).getJsonArray("tool_calls").getJsonObject(0).getString("id"));
        JsonObject result = history.getJsonObject(2);
        assertEquals("tool", result.getString("role"));
        assertEquals("call_p", result.getString("tool_call_id"));
        JsonObject price = ChatClient.json(result.getString("content"));
        assertEquals(97123.5, price.getJsonObject("prices").getJsonObject("bitcoin").getJsonNumber("price")
                .doubleValue());
        assertFalse(ChatClient.json(second.body()).containsKey("tool_choice"), "round 2 of 3 may still use tools");
        assertTrue(prices.requests().contains(BTC_PRICE), prices.requests().toString());
        assertEquals("it-crypto-key", prices.keyHeaderOfLastRequest("x-cg-demo-api-key"));
    }

    @Test
    void searchThenMarketDataThenTheLastRoundMustAnswerInText() {
        prices.answer(API + "/search?query=ether", "{\"coins\":[{\"id\":\"ethereum\",\"name\":\"Ethereum\","
                + "\"symbol\":\"ETH\",\"market_cap_rank\":2,\"thumb\":\"x\"}],\"exchanges\":[]}");
        prices.answer(API + "/coins/markets?ids=ethereum&vs_currency=eur", "[{\"id\":\"ethereum\",\"symbol\":\"eth\","
                + "\"name\":\"Ethereum\",\"current_price\":3012.4,\"market_cap\":362000000000,\"total_volume\":"
                + "15000000000,\"price_change_percentage_24h\":-2.1,\"high_24h\":3100,\"low_24h\":2990,\"image\":\"x\"}]");
        upstream.enqueueJson(200, OpenAiJson.toolCalls(10, 5, "c1", "crypto_search", "{\"query\":\"ether\"}"));
        upstream.enqueueJson(200, OpenAiJson.toolCalls(20, 5, "c2", "crypto_market_data",
                "{\"ids\":[\"ethereum\"],\"vs_currency\":\"EUR\"}"));
        upstream.enqueueChat("Ether: 3,012.40 EUR, down 2.1% today.", 30, 10);
        HttpResponse<String> response = chat.call(ASK + "}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Ether: 3,012.40 EUR, down 2.1% today.", message(ChatClient.json(response.body()))
                .getString("content"));
        upstream.take(Duration.ofSeconds(5));
        String search = messages(upstream.take(Duration.ofSeconds(5))).getJsonObject(2).getString("content");
        assertTrue(search.contains("\"id\":\"ethereum\"") && !search.contains("thumb"), search);
        Recorded last = upstream.take(Duration.ofSeconds(5));
        JsonObject markets = ChatClient.json(messages(last).getJsonObject(4).getString("content"));
        JsonObject eth = markets.getJsonArray("assets").getJsonObject(0);
        assertEquals(-2.1, eth.getJsonNumber("change_24h_percent").doubleValue());
        assertEquals(15000000000L, eth.getJsonNumber("volume_24h").longValue());
        assertEquals("none", ChatClient.json(last.body()).getString("tool_choice"),
                "the last allowed round (max_rounds 3) must answer without tools");
    }

    @Test
    void aModelThatKeepsCallingToolsEndsWithLengthAtTheRoundLimit() {
        prices.answer(API + "/simple/price?ids=litecoin&include_24hr_change=true&vs_currencies=usd",
                "{\"litecoin\":{\"usd\":80}}");
        for (int i = 0; i < 3; i++) {
            upstream.enqueueJson(200, OpenAiJson.toolCalls(5, 5, "loop" + i, "crypto_price",
                    "{\"ids\":[\"litecoin\"]}"));
        }
        HttpResponse<String> response = chat.call(ASK + "}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject choice = ChatClient.json(response.body()).getJsonArray("choices").getJsonObject(0);
        assertEquals("length", choice.getString("finish_reason"));
        assertFalse(choice.getJsonObject("message").containsKey("tool_calls"));
        assertEquals(requestsBefore + 3, upstream.requestCount(), "never more rounds than max_rounds");
        for (int i = 0; i < 3; i++) {
            upstream.take(Duration.ofSeconds(5));
        }
        assertEquals(30, ChatClient.json(response.body()).getJsonObject("usage").getInt("total_tokens"));
    }

    @Test
    void builtinAndCustomCallsInOneTurnReturnOnlyTheClientsCalls() {
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";
        int sourceCalls = prices.requests().size();
        upstream.enqueueJson(200, OpenAiJson.toolCalls(9, 9, "call_b", "crypto_price", "{\"ids\":[\"bitcoin\"]}",
                "call_w", "get_weather", "{\"city\":\"Paris\"}"));
        HttpResponse<String> response = chat.call(ASK + tools + "}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject choice = ChatClient.json(response.body()).getJsonArray("choices").getJsonObject(0);
        assertEquals("tool_calls", choice.getString("finish_reason"));
        JsonArray calls = choice.getJsonObject("message").getJsonArray("tool_calls");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("call_w", calls.getJsonObject(0).getString("id"));
        assertEquals(sourceCalls, prices.requests().size(), "built-in calls of a turn handed back are not run");
        assertEquals(List.of("get_weather", "crypto_market_data", "crypto_price", "crypto_search"),
                toolNames(upstream.take(Duration.ofSeconds(5))));

        upstream.enqueueChat("Sunny in Paris.", 20, 4);
        String followUp = ASK.replace("]", ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + calls
                + "},{\"role\":\"tool\",\"tool_call_id\":\"call_w\",\"content\":\"{\\\"sky\\\":\\\"sunny\\\"}\"}]");
        HttpResponse<String> answer = chat.call(followUp + tools + "}");
        assertEquals("Sunny in Paris.", message(ChatClient.json(answer.body())).getString("content"));
        JsonArray history = messages(upstream.take(Duration.ofSeconds(5)));
        assertEquals("call_w", history.getJsonObject(2).getString("tool_call_id"));
        assertEquals("{\"sky\":\"sunny\"}", history.getJsonObject(2).getString("content"));
    }

    @Test
    void sourceDownUnknownAssetAndTimeoutBecomeToolResults() {
        prices.mode(Mode.HTTP_503);
        String down = roundTripWithTool("{\"ids\":[\"solana\"]}");
        assertTrue(down.contains("\"error\"") && down.contains("market-data source is failing"), down);
        prices.mode(Mode.ANSWER);
        prices.answer(API + "/simple/price?ids=notacoin&include_24hr_change=true&vs_currencies=usd", "{}");
        String unknown = roundTripWithTool("{\"ids\":[\"notacoin\"]}");
        assertTrue(unknown.contains("unknown asset id notacoin"), unknown);
        String badArgs = roundTripWithTool("{\"ids\":\"<script>\"}");
        assertTrue(badArgs.contains("not an asset id"), badArgs);
        prices.mode(Mode.STALL);
        long start = System.nanoTime();
        String slow = roundTripWithTool("{\"ids\":[\"dogecoin\"]}");
        assertTrue(slow.contains("did not answer in time"), slow);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 12_000, "the source's 3 s timeout applies");
    }

    /** One price call the model makes, then its answer; returns the tool result the model was given. */
    private String roundTripWithTool(String arguments) {
        upstream.enqueueJson(200, OpenAiJson.toolCalls(5, 5, "call_x", "crypto_price", arguments));
        upstream.enqueueChat("I could not get that price.", 5, 5);
        HttpResponse<String> response = chat.call(ASK + "}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("I could not get that price.", message(ChatClient.json(response.body())).getString("content"));
        upstream.take(Duration.ofSeconds(5));
        return messages(upstream.take(Duration.ofSeconds(5))).getJsonObject(2).getString("content");
    }

    @Test
    void requestsAndModelsCanOptOut() {
        for (String body : List.of(ASK + ",\"builtin_tools\":false}", ChatClient.HELLO + "}",
                ASK + ",\"tool_choice\":\"none\"}", ASK + ",\"n\":2}")) {
            upstream.enqueueChat("plain", 1, 1);
            assertEquals(200, chat.call(body).statusCode());
            Recorded request = upstream.take(Duration.ofSeconds(5));
            assertEquals(List.of(), toolNames(request), body);
            assertFalse(request.body().contains("builtin_tools"), body);
        }
        assertEquals("builtin_tools", ChatClient.error(chat.call(ASK + ",\"builtin_tools\":\"no\"}"), 400)
                .getString("param"));
    }

    @Test
    void clientsThatAskSeeTheBuiltinRounds() {
        prices.answer(API + "/simple/price?ids=cardano&include_24hr_change=true&vs_currencies=usd",
                "{\"cardano\":{\"usd\":0.5}}");
        upstream.enqueueJson(200, OpenAiJson.toolCalls(5, 5, "call_a", "crypto_price", "{\"ids\":[\"cardano\"]}"));
        upstream.enqueueChat("ADA is 0.50 USD.", 5, 5);
        HttpResponse<String> response = chat.call(ASK + ",\"builtin_tools\":\"show\"}");
        JsonObject completion = ChatClient.json(response.body());
        assertEquals("ADA is 0.50 USD.", message(completion).getString("content"));
        JsonObject round = completion.getJsonArray("builtin_tool_rounds").getJsonObject(0);
        assertEquals("crypto_price", round.getJsonArray("tool_calls").getJsonObject(0).getJsonObject("function")
                .getString("name"));
        assertTrue(round.getJsonArray("results").getJsonObject(0).getString("content").contains("0.5"));
        assertFalse(upstream.take(Duration.ofSeconds(5)).body().contains("builtin_tools"));
        upstream.take(Duration.ofSeconds(5));
    }

    @Test
    void providerListsTheBuiltinToolsWithTheirSchemas() {
        HttpResponse<String> response = new Gateway(base).get("/v1/provider");
        JsonArray tools = Gateway.json(response).getJsonArray("builtin_tools");
        assertEquals(List.of("crypto_market_data", "crypto_price", "crypto_search"), tools.stream()
                .map(t -> t.asJsonObject().getString("name")).collect(Collectors.toList()));
        JsonObject price = tools.getJsonObject(1);
        assertFalse(price.getString("description").isEmpty());
        assertEquals(List.of("ids"), price.getJsonObject("parameters").getJsonArray("required").getValuesAs(
                jakarta.json.JsonString::getString));
        assertFalse(response.body().contains("127.0.0.1") || response.body().contains("it-crypto-key"));
    }
}
