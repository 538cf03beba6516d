package ai.altllm.gateway.metrics;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every series of one public model served by one provider, bound once so that recording a request is a few adder
 * increments: no map of label sets, no allocation after a status code's first use.
 */
final class ModelSeries {

    /** OpenTelemetry's advisory bucket boundaries for each instrument. */
    static final Histogram.Buckets DURATION = Histogram.Buckets.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28,
            2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
    static final Histogram.Buckets FIRST_TOKEN = Histogram.Buckets.of(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08,
            0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
    static final Histogram.Buckets TOKENS = Histogram.Buckets.of(1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144,
            1048576, 4194304, 16777216, 67108864);
    /** Request outcomes, as in the usage records, plus {@code refused}: answered before any upstream call. */
    static final String[] OUTCOMES = {"ok", "failed", "cancelled", "refused"};
    private static final int FIRST_STATUS = 100;
    private static final int STATUSES = 500;

    final String[] labels;
    final Histogram duration = new Histogram(DURATION);
    final Histogram firstToken = new Histogram(FIRST_TOKEN);
    final Histogram inputTokens = new Histogram(TOKENS);
    final Histogram outputTokens = new Histogram(TOKENS);
    final DoubleAdder cost = new DoubleAdder();
    /** Indexed by (status - 100) * outcomes + outcome; filled on first use. */
    private final AtomicReferenceArray<LongAdder> requests = new AtomicReferenceArray<>(STATUSES * OUTCOMES.length);

    ModelSeries(String model, String provider) {
        this.labels = new String[] {"gen_ai_operation_name", "chat", "gen_ai_request_model", model,
            "gen_ai_provider_name", provider};
    }

    void request(int status, int outcome) {
        int index = (Math.min(Math.max(status, FIRST_STATUS), FIRST_STATUS + STATUSES - 1) - FIRST_STATUS)
                * OUTCOMES.length + outcome;
        LongAdder counter = requests.get(index);
        if (counter == null) {
            requests.compareAndSet(index, null, new LongAdder());
            counter = requests.get(index);
        }
        counter.increment();
    }

    void writeRequests(PrometheusText out, String name) {
        for (int i = 0; i < requests.length(); i++) {
            LongAdder counter = requests.get(i);
            if (counter != null) {
                out.sample(name, counter.sum(), labels, "http_response_status_code",
                        Integer.toString(FIRST_STATUS + i / OUTCOMES.length), "outcome", OUTCOMES[i % OUTCOMES.length]);
            }
        }
    }
}
