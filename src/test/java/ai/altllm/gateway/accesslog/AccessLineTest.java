package ai.altllm.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.usage.UsageEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLineTest {

    private static final UsageEvent USAGE = new UsageEvent("req_1", "key_1", "acct_1", "m1", "p1", 10, 3,
            new BigDecimal("0.000016"), false, "ok", 120, 40, "p1/up-model");

    private static JsonObject parse(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }

    @Test
    void aChatLineIsWrittenOnlyOnceBothTheRequestAndItsUsageHaveEnded() {
        List<String> lines = new ArrayList<>();
        AccessRecord record = new AccessRecord("req_1", "POST", "/v1/chat/completions", false,
                r -> lines.add(AccessLine.of(r)));
        record.caller("key_1", "acct_1");
        record.chat("m1");
        record.expectUsage();
        record.ended(200);
        assertEquals(0, lines.size(), "the stream's usage has not settled yet");
        record.settled(USAGE);
        assertEquals(1, lines.size());
        JsonObject line = parse(lines.get(0));
        assertEquals("req_1", line.getString("request_id"));
        assertEquals(200, line.getInt("status"));
        assertEquals("key_1", line.getString("key_id"));
        assertEquals("acct_1", line.getString("account_id"));
        assertEquals("m1", line.getString("model"));
        assertEquals("p1/up-model", line.getString("deployment"));
        assertEquals(40, line.getInt("first_token_ms"));
        assertEquals(10, line.getInt("prompt_tokens"));
        assertEquals(3, line.getInt("completion_tokens"));
        assertEquals("0.000016", line.getString("cost"));
        assertFalse(line.containsKey("prompt"));
    }

    @Test
    void textIsIncludedOnlyWhenCaptured() {
        List<String> lines = new ArrayList<>();
        AccessRecord record = new AccessRecord("req_2", "POST", "/v1/chat/completions", false,
                r -> lines.add(AccessLine.of(r)));
        record.expectUsage();
        record.capture("[{\"role\":\"user\",\"content\":\"Hi\"}]").append("Hello there");
        record.settled(USAGE);
        record.ended(200);
        JsonObject line = parse(lines.get(0));
        assertEquals("[{\"role\":\"user\",\"content\":\"Hi\"}]", line.getString("prompt"));
        assertEquals("Hello there", line.getString("completion"));
    }

    @Test
    void onlyAFailedHealthProbeIsWorthALine() {
        AccessRecord passed = new AccessRecord("req_3", "GET", "/health/ready", true, r -> {});
        passed.ended(200);
        assertTrue(passed.passedProbe());
        AccessRecord failed = new AccessRecord("req_4", "GET", "/health/ready", true, r -> {});
        failed.ended(503);
        assertFalse(failed.passedProbe(), "a failing probe is what an operator looks for");
        AccessRecord chat = new AccessRecord("req_5", "POST", "/v1/chat/completions", false, r -> {});
        chat.ended(200);
        assertFalse(chat.passedProbe());
    }
}
