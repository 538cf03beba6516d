package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ToolLoopTest {

    private final List<String> ran = new ArrayList<>();
    private final ToolLoop loop = new ToolLoop(Set.of("crypto_price")::contains, (name, args) -> {
        ran.add(name + args);
        return CompletableFuture.completedFuture("{\"price\":1}");
    }, 3, true, Runnable::run);

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject call(String id, String name, String arguments) {
        return Json.createObjectBuilder().add("id", id).add("type", "function").add("function",
                Json.createObjectBuilder().add("name", name).add("arguments", arguments)).build();
    }

    private static final JsonObject REQUEST = json(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    @Test
    void runsBuiltinCallsAndAppendsTheirResultsUntilTheLastRoundWhichGetsNoTools() {
        ToolLoop.Turn turn = loop.turn(List.of(call("c1", "crypto_price", "{\"ids\":[\"a\"]}")), "Checking.",
                "tool_calls");
        assertTrue(loop.continues(turn));
        JsonObject second = loop.nextRequest(REQUEST, turn).toCompletableFuture().join();
        assertEquals(List.of("crypto_price{\"ids\":[\"a\"]}"), ran);
        JsonArray messages = second.getJsonArray("messages");
        assertEquals(3, messages.size());
        assertEquals("Checking.", messages.getJsonObject(1).getString("content"));
        assertEquals("c1", messages.getJsonObject(2).getString("tool_call_id"));
        assertEquals("{\"price\":1}", messages.getJsonObject(2).getString("content"));
        assertFalse(second.containsKey("tool_choice"));

        ToolLoop.Turn again = loop.turn(List.of(call("", "crypto_price", "{}")), "", "tool_calls");
        assertTrue(loop.continues(again));
        JsonObject third = loop.nextRequest(second, again).toCompletableFuture().join();
        assertEquals("none", third.getString("tool_choice"), "round 3 of 3 must answer in text");
        assertTrue(third.getJsonArray("messages").getJsonObject(3).isNull("content"));
        assertEquals("call_builtin_2_0", third.getJsonArray("messages").getJsonObject(4).getString("tool_call_id"),
                "a call without an id gets one, so its result can be matched");
        ToolLoop.Turn stubborn = loop.turn(List.of(call("c9", "crypto_price", "{}")), "", "tool_calls");
        assertFalse(loop.continues(stubborn), "no round past max_rounds");
        assertEquals("length", ToolLoop.finishReason(stubborn));
        assertEquals("Checking.", loop.earlierContent());
        JsonArray shown = loop.shownRounds();
        assertEquals(2, shown.size(), "asked to show: each executed round with its calls and results");
        assertEquals("c1", shown.getJsonObject(0).getJsonArray("results").getJsonObject(0).getString("tool_call_id"));
        assertEquals("crypto_price", shown.getJsonObject(1).getJsonArray("tool_calls").getJsonObject(0)
                .getJsonObject("function").getString("name"));
    }

    @Test
    void turnsWithClientCallsGoBackToTheClient() {
        ToolLoop.Turn mixed = loop.turn(List.of(call("c1", "crypto_price", "{}"), call("c2", "get_weather", "{}")),
                null, "tool_calls");
        assertFalse(loop.continues(mixed));
        assertEquals(1, mixed.custom().size());
        assertEquals("tool_calls", ToolLoop.finishReason(mixed));
        ToolLoop.Turn text = loop.turn(List.of(), "hi", null);
        assertFalse(loop.continues(text));
        assertEquals("stop", ToolLoop.finishReason(text));
        assertTrue(ran.isEmpty());
    }

    @Test
    void theStreamHidesBuiltinCallsAndReindexesTheClientsOnes() {
        RoundStream stream = new RoundStream(loop);
        String first = stream.relay(json("{\"id\":\"chatcmpl-1\",\"created\":5,\"choices\":[{\"index\":0,\"delta\":"
                + "{\"role\":\"assistant\",\"content\":\"\"}}]}"));
        assertEquals("assistant", delta(first).getString("role"));
        assertNull(stream.relay(json("{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"c1\",\"function\":{\"name\":\"crypto_price\",\"arguments\":\"{}\"}}]}}]}")));
        String custom = stream
                .relay(json("{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,"
                        + "\"id\":\"c2\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}}]}"));
        assertEquals(0, delta(custom).getJsonArray("tool_calls").getJsonObject(0).getInt("index"));
        assertEquals("chatcmpl-1", json(custom).getString("id"), "every chunk keeps the first round's id");
        assertFalse(delta(custom).containsKey("role"), "one role delta per stream");
        ToolLoop.Turn turn = stream.endRound();
        assertEquals(1, turn.builtin().size());
        assertEquals("c2", turn.custom().get(0).getString("id"));
        List<String> end = stream.finish(turn, Json.createObjectBuilder().add("total_tokens", 3).build());
        assertEquals("tool_calls",
                json(end.get(0)).getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        assertEquals(3, json(end.get(1)).getJsonObject("usage").getInt("total_tokens"));
    }

    private static JsonObject delta(String chunk) {
        return json(chunk).getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
    }
}
