package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.usage.UsageEvent;
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
        Settlement settlement = new Settlement("req_1", "key_1", "acct_1", MODEL, 99, events::add);
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
        assertFalse(event.estimated());
        assertTrue(event.firstTokenMillis() >= 0 && event.firstTokenMillis() <= event.latencyMillis());
    }

    @Test
    void aRequestThatFailedEarlyStillSettlesWithZeroCost() {
        List<UsageEvent> events = new ArrayList<>();
        Settlement settlement = new Settlement("req_2", "key_1", "acct_1", MODEL, 99, events::add);
        settlement.usage(null);
        settlement.settle("failed");
        assertEquals("failed", events.get(0).outcome());
        assertEquals(0, BigDecimal.ZERO.compareTo(events.get(0).cost()));
        assertEquals(-1, events.get(0).firstTokenMillis());
        assertEquals(0, events.get(0).promptTokens(), "nothing was generated, so nothing is estimated");
    }

    @Test
    void aStreamCutShortIsEstimatedFromWhatWasRelayed() {
        List<UsageEvent> events = new ArrayList<>();
        Settlement settlement = new Settlement("req_3", "key_1", "acct_1", MODEL, 250, events::add);
        settlement.firstToken();
        for (int i = 0; i < 40; i++) {
            settlement.chunk();
        }
        settlement.settle("cancelled");
        UsageEvent event = events.get(0);
        assertTrue(event.estimated());
        assertEquals(250, event.promptTokens());
        assertEquals(40, event.completionTokens());
        assertEquals(0, new BigDecimal("0.000246").compareTo(event.cost()), event.cost().toPlainString());
    }

    @Test
    void everyToolRoundIsBilledAndReportedAsOneTotal() {
        List<UsageEvent> events = new ArrayList<>();
        Settlement settlement = new Settlement("req_2", "key_1", "acct_1", MODEL, 99, events::add);
        settlement.usage(Json.createObjectBuilder().add("prompt_tokens", 100).add("completion_tokens", 20).build());
        settlement.nextRound(400);
        settlement.nextRound(300);
        settlement.usage(Json.createObjectBuilder().add("prompt_tokens", 500).add("completion_tokens", 50).build());
        assertEquals(900 + 70, settlement.totalUsage().getInt("total_tokens"),
                "a round without usage is estimated from its request size");
        settlement.settle("ok");
        assertEquals(900, events.get(0).promptTokens());
        assertEquals(70, events.get(0).completionTokens());
        assertEquals(0, new BigDecimal("0.000708").compareTo(events.get(0).cost()),
                events.get(0).cost().toPlainString());
    }
}
