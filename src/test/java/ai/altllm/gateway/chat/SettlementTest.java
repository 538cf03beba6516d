package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.ModelConfig;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static final ModelConfig MODEL = new ModelConfig("altllm-basic", "openrouter", "kimi", Set.of(),
            Json.createObjectBuilder().add("pricing", Json.createObjectBuilder().add("prompt", "0.0000006")
                    .add("completion", "0.0000024")).build());

    @Test
    void publishesOnceWithExactCostAndTimings() {
        List<UsageEvent> events = new ArrayList<>();
        Settlement settlement = new Settlement("req_1", MODEL, events::add);
        settlement.firstToken();
        settlement.usage(Json.createObjectBuilder().add("prompt_tokens", 1000).add("completion_tokens", 500).build());
        settlement.settle("ok");
        settlement.settle("cancelled");
        assertEquals(1, events.size());
        UsageEvent event = events.get(0);
        assertEquals("req_1", event.requestId());
        assertEquals("altllm-basic", event.model());
        assertEquals("openrouter", event.provider());
        assertEquals(1000, event.promptTokens());
        assertEquals(500, event.completionTokens());
        assertEquals(0, new BigDecimal("0.0018").compareTo(event.cost()), event.cost().toPlainString());
        assertEquals("ok", event.outcome());
        assertTrue(event.firstTokenMillis() >= 0 && event.firstTokenMillis() <= event.latencyMillis());
    }

    @Test
    void aRequestThatFailedEarlyStillSettlesWithZeroCost() {
        List<UsageEvent> events = new ArrayList<>();
        Settlement settlement = new Settlement("req_2", MODEL, events::add);
        settlement.usage(null);
        settlement.settle("failed");
        assertEquals("failed", events.get(0).outcome());
        assertEquals(0, BigDecimal.ZERO.compareTo(events.get(0).cost()));
        assertEquals(-1, events.get(0).firstTokenMillis());
    }
}
