package ai.altllm.gateway.metrics;

import ai.altllm.gateway.routing.CircuitBreaker;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Writes every family of {@link Metrics}: names, help texts and units in one place. */
final class MetricsFamilies {

    private static final String[] NONE = {};

    private MetricsFamilies() {
    }

    static void write(PrometheusText out, Metrics metrics) {
        Iterable<ModelSeries> series = metrics.series();
        out.family("altllm_chat_requests_total", "counter",
                "Chat completion requests by model, provider, HTTP status and outcome.");
        series.forEach(s -> s.writeRequests(out, "altllm_chat_requests_total"));
        out.family("gen_ai_server_request_duration_seconds", "histogram",
                "GenAI server request duration: from the request's arrival to its last byte.");
        series.forEach(s -> s.duration.write(out, "gen_ai_server_request_duration_seconds", s.labels));
        out.family("gen_ai_server_time_to_first_token_seconds", "histogram",
                "Time from the request's arrival to the first streamed chunk (streamed requests only).");
        series.forEach(s -> s.firstToken.write(out, "gen_ai_server_time_to_first_token_seconds", s.labels));
        out.family("gen_ai_client_token_usage", "histogram",
                "Tokens used per request as the provider reported them (or the gateway estimated), by token type.");
        series.forEach(s -> {
            s.inputTokens.write(out, "gen_ai_client_token_usage", with(s.labels, "gen_ai_token_type", "input"));
            s.outputTokens.write(out, "gen_ai_client_token_usage", with(s.labels, "gen_ai_token_type", "output"));
        });
        out.family("altllm_cost_credits_total", "counter",
                "Cost of chat requests in credits, priced from the catalog.");
        series.forEach(s -> out.sample("altllm_cost_credits_total", s.cost.sum(), s.labels));

        out.family("altllm_upstream_errors_total", "counter", "Failed upstream calls by provider and error type.");
        for (Map.Entry<String, Map<String, LongAdder>> provider : metrics.upstreamErrors().entrySet()) {
            for (Map.Entry<String, LongAdder> type : provider.getValue().entrySet()) {
                out.sample("altllm_upstream_errors_total", type.getValue().sum(), NONE, "gen_ai_provider_name",
                        provider.getKey(), "error_type", type.getKey());
            }
        }
        out.family("altllm_refusals_total", "counter", "Requests refused by a rate limit or for lack of credits.");
        long[] refusals = metrics.refusals();
        out.sample("altllm_refusals_total", refusals[0], NONE, "reason", Metrics.RATE_LIMIT);
        out.sample("altllm_refusals_total", refusals[1], NONE, "reason", Metrics.CREDITS);
        out.sample("altllm_refusals_total", refusals[2], NONE, "reason", "other");

        out.family("altllm_circuit_breaker_state", "gauge",
                "1 for the state each deployment's circuit breaker is in (deployments called so far), else 0.");
        for (Map.Entry<String, CircuitBreaker.State> breaker : metrics.breakerStates().entrySet()) {
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                out.sample("altllm_circuit_breaker_state", breaker.getValue() == state ? 1 : 0, NONE, "deployment",
                        breaker.getKey(), "state", state.name().toLowerCase(Locale.ROOT));
            }
        }
        out.family("altllm_http_requests_total", "counter", "Every HTTP request the gateway answered, by status.");
        for (int status = 0; status < metrics.httpByStatus().length(); status++) {
            LongAdder counter = metrics.httpByStatus().get(status);
            if (counter != null) {
                out.sample("altllm_http_requests_total", counter.sum(), NONE, "http_response_status_code",
                        Integer.toString(status));
            }
        }
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] all = Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = name;
        all[labels.length + 1] = value;
        return all;
    }
}
