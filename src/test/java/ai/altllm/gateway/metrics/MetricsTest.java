package ai.altllm.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.routing.CircuitBreaker;
import ai.altllm.gateway.testsupport.TestConfigs;
import ai.altllm.gateway.usage.UsageEvent;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final String LABELS = "gen_ai_operation_name=\"chat\",gen_ai_request_model=\"m1\","
            + "gen_ai_provider_name=\"p1\"";

    private static UsageEvent event(String outcome, long latency, long firstToken) {
        return new UsageEvent("req_1", "key_1", "acct_1", "m1", "p1", 10, 300, new BigDecimal("0.5"), false, outcome,
                latency, firstToken, "p1/up");
    }

    private static String text(Metrics metrics) {
        PrometheusText out = new PrometheusText();
        metrics.write(out);
        return out.toString();
    }

    @Test
    void chatRequestsFillCountersAndCumulativeHistograms() {
        Metrics metrics = new Metrics();
        metrics.chat("m1", 200, event("ok", 150, 30));
        metrics.chat("m1", 200, event("ok", 5000, -1));
        metrics.chat("m1", 200, event("failed", 50, 20));
        metrics.chat(null, 400, null);
        String text = text(metrics);
        assertTrue(text.contains("altllm_chat_requests_total{" + LABELS
                + ",http_response_status_code=\"200\",outcome=\"ok\"} 2\n"), text);
        assertTrue(text.contains("altllm_chat_requests_total{" + LABELS
                + ",http_response_status_code=\"200\",outcome=\"failed\"} 1\n"), text);
        assertTrue(text.contains("gen_ai_request_model=\"none\",gen_ai_provider_name=\"none\","
                + "http_response_status_code=\"400\",outcome=\"refused\"} 1\n"), text);
        // 0.15 s falls in le=0.16, 0.05 s in le=0.08; 5 s in le=5.12: buckets count cumulatively.
        assertTrue(text.contains("gen_ai_server_request_duration_seconds_bucket{" + LABELS + ",le=\"0.04\"} 0\n"),
                text);
        assertTrue(text.contains("gen_ai_server_request_duration_seconds_bucket{" + LABELS + ",le=\"0.08\"} 1\n"),
                text);
        assertTrue(text.contains("gen_ai_server_request_duration_seconds_bucket{" + LABELS + ",le=\"0.16\"} 2\n"),
                text);
        assertTrue(text.contains("gen_ai_server_request_duration_seconds_bucket{" + LABELS + ",le=\"5.12\"} 3\n"),
                text);
        assertTrue(text.contains("gen_ai_server_request_duration_seconds_bucket{" + LABELS + ",le=\"+Inf\"} 3\n"),
                text);
        assertTrue(text.contains("gen_ai_server_request_duration_seconds_count{" + LABELS + "} 3\n"), text);
        assertTrue(text.contains("gen_ai_server_time_to_first_token_seconds_count{" + LABELS + "} 2\n"),
                "only requests with a first token: " + text);
        assertTrue(text.contains("gen_ai_client_token_usage_sum{" + LABELS + ",gen_ai_token_type=\"output\"} 900\n"),
                text);
        assertTrue(text.contains("altllm_cost_credits_total{" + LABELS + "} 1.5\n"), text);
        assertTrue(text.contains("# TYPE gen_ai_client_token_usage histogram\n"), text);
    }

    @Test
    void switchedOffInTheConfigurationNothingIsCounted() {
        Metrics metrics = new Metrics();
        metrics.configuration = TestConfigs.of(
                "{\"providers\": {}, \"models\": [], \"metrics\": {\"enabled\": false}}");
        metrics.readSwitch();
        metrics.chat("m1", 200, event("ok", 150, 30));
        metrics.refused(Metrics.RATE_LIMIT);
        metrics.upstreamError("p1", "upstream_timeout");
        metrics.http(200);
        assertFalse(metrics.enabled());
        String text = text(metrics);
        assertFalse(text.contains("altllm_chat_requests_total{"), text);
        assertFalse(text.contains("altllm_upstream_errors_total{"), text);
        assertFalse(text.contains("} 1\n"), text);
    }

    @Test
    void refusalsUpstreamErrorsAndBreakersAreCounted() {
        Metrics metrics = new Metrics();
        metrics.refused(Metrics.RATE_LIMIT);
        metrics.refused(Metrics.RATE_LIMIT);
        metrics.refused(Metrics.CREDITS);
        metrics.refused("made-up");
        metrics.upstreamError("p1", "upstream_timeout");
        metrics.breakers(() -> Map.of("p1/up", CircuitBreaker.State.OPEN));
        metrics.http(503);
        String text = text(metrics);
        assertTrue(text.contains("altllm_refusals_total{reason=\"rate_limit\"} 2\n"), text);
        assertTrue(text.contains("altllm_refusals_total{reason=\"credits\"} 1\n"), text);
        assertTrue(text.contains("altllm_refusals_total{reason=\"other\"} 1\n"), text);
        assertTrue(text.contains("altllm_upstream_errors_total{gen_ai_provider_name=\"p1\","
                + "error_type=\"upstream_timeout\"} 1\n"), text);
        assertTrue(text.contains("altllm_circuit_breaker_state{deployment=\"p1/up\",state=\"open\"} 1\n"), text);
        assertTrue(text.contains("altllm_circuit_breaker_state{deployment=\"p1/up\",state=\"closed\"} 0\n"), text);
        assertTrue(text.contains("altllm_http_requests_total{http_response_status_code=\"503\"} 1\n"), text);
    }

    @Test
    void labelValuesAreEscaped() {
        PrometheusText out = new PrometheusText();
        out.sample("x", 1, new String[] {"model", "a\"b\\c\nd"});
        assertTrue(out.toString().equals("x{model=\"a\\\"b\\\\c\\nd\"} 1\n"), out.toString());
    }
}
