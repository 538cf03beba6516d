package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ChatClient;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.NodeScript;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.TestKeys;
import ai.altllm.gateway.testsupport.UpstreamIT;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Node SDK, unmodified, in its current major (7.x) and the 4.x many projects still run; then
 * the usage those calls left, read back through {@code GET /v1/usage}.
 */
class NodeSdkIT extends UpstreamIT {

    private static final String TOOL_CALL = "{\"id\":\"chatcmpl-t\",\"object\":\"chat.completion\",\"created\":1704067200,"
            + "\"model\":\"upstream-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
            + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":7,\"total_tokens\":16}}";

    /** The answers sdk.e2e.mjs expects, in its order. */
    private static void script() {
        upstream.enqueueChat("Hello from upstream", 5, 3);
        upstream.enqueueStream(Duration.ofMillis(20), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("Hel"),
                OpenAiJson.contentChunk("lo"), OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(5, 2), "[DONE]"),
                false);
        upstream.enqueueJson(200, TOOL_CALL);
        upstream.enqueueStream(Duration.ofMillis(10), List.of(OpenAiJson.roleChunk(),
                OpenAiJson.toolCallChunk(0, "call_s", "get_weather", "{\"city\":"),
                OpenAiJson.toolCallChunk(0, null, null, "\"Paris\"}"), OpenAiJson.finishChunk("tool_calls"),
                OpenAiJson.usageChunk(6, 4), "[DONE]"), false);
        upstream.enqueueStream(Duration.ofMillis(10), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("Sunny"),
                OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(8, 2), "[DONE]"), false);
        upstream.enqueueJson(500, "{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}");
    }

    private String run(String major) throws Exception {
        script();
        Gateway gateway = new Gateway(base);
        String key = TestKeys.create(gateway, "node-sdk-" + major);
        String output = NodeScript.run("sdk.e2e.mjs", Duration.ofSeconds(120), gateway.uri("/v1").toString(), key,
                major);
        assertTrue(output.contains("conformance: ok"), output);
        assertEquals(requestsBefore + 6, upstream.requestCount(), "refused requests never reach the upstream");
        for (int i = 0; i < 4; i++) {
            upstream.take(Duration.ofSeconds(1));
        }
        JsonObject followUp = ChatClient.json(upstream.take(Duration.ofSeconds(1)).body());
        JsonObject toolResult = followUp.getJsonArray("messages").getJsonObject(2);
        assertEquals("tool", toolResult.getString("role"));
        assertEquals("call_s", toolResult.getString("tool_call_id"));
        assertEquals("{\"sky\":\"sunny\"}", toolResult.getString("content"));
        upstream.take(Duration.ofSeconds(1));
        return key;
    }

    @Test
    void currentMajorSevenAndItsUsage() throws Exception {
        String key = run("7");
        JsonObject usage = null;
        for (int i = 0; i < 40 && (usage == null || usage.getJsonArray("data").size() < 6); i++) {
            Thread.sleep(250);
            usage = Gateway.json(new Gateway(base).send(HttpRequest.newBuilder(new Gateway(base).uri("/v1/usage"))
                    .header("Authorization", "Bearer " + key)));
        }
        assertEquals(6, usage.getJsonArray("data").size(), "chat, stream, tools, the runner's two and the failed call: "
                + usage);
        Set<String> outcomes = usage.getJsonArray("data").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("outcome")).collect(Collectors.toSet());
        assertTrue(outcomes.contains("ok") && outcomes.size() == 2, outcomes.toString());
        JsonObject totals = usage.getJsonObject("totals");
        assertEquals(6, totals.getInt("requests"));
        assertEquals(5 + 5 + 9 + 6 + 8, totals.getInt("prompt_tokens"), totals.toString());
        assertEquals(3 + 2 + 7 + 4 + 2, totals.getInt("completion_tokens"), totals.toString());
        // it-basic costs 0.000001 per prompt and 0.000002 per completion token.
        assertEquals("0.000069", totals.getString("cost"));
    }

    @Test
    void olderMajorFour() throws Exception {
        run("4");
    }
}
