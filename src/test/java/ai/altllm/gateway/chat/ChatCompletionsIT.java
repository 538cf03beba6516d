package ai.altllm.gateway.chat;

import static ai.altllm.gateway.testsupport.ChatClient.HELLO;
import static ai.altllm.gateway.testsupport.ChatClient.error;
import static ai.altllm.gateway.testsupport.ChatClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.testsupport.OpenAiJson;
import ai.altllm.gateway.testsupport.OpenApiSchemas;
import ai.altllm.gateway.testsupport.ScriptedUpstream;
import ai.altllm.gateway.testsupport.SseFrames;
import ai.altllm.gateway.testsupport.UpstreamIT;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/chat/completions} through the real relay on Payara Micro: what is relayed, and what is refused. */
class ChatCompletionsIT extends UpstreamIT {

    @Test
    void nonStreamedAnswerIsRelayedUnderThePublicModel() {
        upstream.enqueueChat("Hello!", 9, 3);
        HttpResponse<String> response = chat.call(HELLO + ",\"temperature\":0.5,\"metadata\":{\"a\":\"1\"}}");
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
        assertEquals("1", sent.getJsonObject("metadata").getString("a"), "OpenAI's fields pass through as sent");
        assertEquals(0.5, sent.getJsonNumber("temperature").doubleValue());
        assertFalse(sent.containsKey("stream_options"));
    }

    @Test
    void streamedFramesAreExactSpacedAndNameThePublicModel() {
        upstream.enqueueStream(Duration.ofMillis(200), List.of(OpenAiJson.roleChunk(), OpenAiJson.contentChunk("He"),
                OpenAiJson.contentChunk("llo"), OpenAiJson.finishChunk("stop"), OpenAiJson.usageChunk(5, 2), "[DONE]"),
                false);
        SseFrames frames = chat.stream(HELLO + ",\"stream\":true}");
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
    void usageChunkAppearsWhenAskedAndToolCallDeltasKeepTheirIndex() {
        upstream.enqueueStream(Duration.ZERO, List.of(OpenAiJson.contentChunk(""),
                OpenAiJson.toolCallChunk(0, "call_a", "lookup", ""), OpenAiJson.toolCallChunk(1, "call_b", "other", ""),
                OpenAiJson.toolCallChunk(1, null, null, "{\"q\":1}"), OpenAiJson.finishChunk("tool_calls"),
                OpenAiJson.usageChunk(7, 4), "[DONE]"), false);
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"other\"}}]";
        SseFrames frames = chat.stream(HELLO + tools + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
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
                    + "\"response_format\":{\"type\":\"json_object\"}}",
                "response_format"},
            {HELLO + ",\"api_base\":\"http://evil\"}", "api_base"},
            {HELLO + ",\"extra_headers\":{}}", "extra_headers"},
            {"{\"model\":\"it-video\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model"},
        };
        for (String[] c : cases) {
            JsonObject error = error(chat.call(c[0]), 400);
            assertEquals(c[1], error.getString("param"), c[0] + " -> " + error);
            assertEquals("invalid_request_error", error.getString("type"));
        }
        error(chat.call("{\"model\":"), 400);
        error(chat.call("[1]"), 400);
        error(chat.call("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400);
        assertEquals(0, upstream.requestCount() - requestsBefore, "nothing invalid reaches the upstream");
    }

    @Test
    void requestLevelRefusals() {
        JsonObject missing = error(
                chat.call("{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                404);
        assertEquals("model_not_found", missing.getString("code"));
        JsonObject keyless = error(
                chat.call("{\"model\":\"it-keyless\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                503);
        assertTrue(keyless.getString("message").contains("ALTLLM_IT_UNSET_KEY"), keyless.toString());
        error(chat.gateway()
                .send(HttpRequest.newBuilder(chat.gateway().uri("/v1/chat/completions")).header("Content-Type",
                        "text/plain").header("Authorization", "Bearer " + chat.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(HELLO
                                + "}"))),
                415);
        String huge = HELLO.replace("\"Hi\"", "\"" + "x".repeat(5 * 1024 * 1024) + "\"") + "}";
        error(chat.call(huge), 413);
        HttpRequest.Builder badUtf8 = chat.post("").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"',
            (byte) 0xC3, '"', ':', '1', '}'}));
        error(chat.gateway().send(badUtf8), 400);
        assertEquals(405, chat.gateway().get("/v1/chat/completions").statusCode());
        assertEquals(0, upstream.requestCount() - requestsBefore);
    }

}
