package ai.altllm.gateway.metrics;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.routing.CircuitBreaker;
import ai.altllm.gateway.usage.UsageEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The gateway's counters. Other components report to it ({@link #refused}, {@link #upstreamError}, request ends);
 * {@code GET /metrics} reads it. Every method is safe from any thread and takes no lock.
 */
@ApplicationScoped
public class Metrics {

    /** Refusal reasons with a series of their own; anything else is counted as {@code other}. */
    public static final String RATE_LIMIT = "rate_limit";
    public static final String CREDITS = "credits";
    /** The model label of chat requests refused before their model was known (bad body, bad key). */
    static final String NO_MODEL = "none";

    private final Map<String, Map<String, ModelSeries>> models = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> upstreamErrors = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<LongAdder> httpByStatus = new AtomicReferenceArray<>(600);
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder outOfCredits = new LongAdder();
    private final LongAdder otherRefusals = new LongAdder();
    private volatile Supplier<Map<String, CircuitBreaker.State>> breakers = Map::of;
    private volatile boolean enabled = true;

    @Inject
    Configuration configuration;

    @PostConstruct
    void readSwitch() {
        enabled = configuration.get().operations().metrics();
    }

    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) ConfigReload reload) {
        enabled = reload.config().operations().metrics();
    }

    /** False when the configuration switches metrics off ({@code metrics.enabled}): nothing is counted. */
    public boolean enabled() {
        return enabled;
    }

    /** A request refused for a limit: {@link #RATE_LIMIT} or {@link #CREDITS}. */
    public void refused(String reason) {
        if (!enabled) {
            return;
        }
        (RATE_LIMIT.equals(reason) ? rateLimited : CREDITS.equals(reason) ? outOfCredits : otherRefusals).increment();
    }

    /** A failed upstream call (including one that a failover then recovered); {@code errorType} is the error code. */
    public void upstreamError(String provider, String errorType) {
        if (!enabled) {
            return;
        }
        upstreamErrors.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(errorType == null ? "unknown" : errorType, t -> new LongAdder()).increment();
    }

    /** Where breaker states are read when scraped: the chat router's, by deployment name. */
    public void breakers(Supplier<Map<String, CircuitBreaker.State>> states) {
        breakers = states;
    }

    /** Any HTTP request that has ended, by status. */
    public void http(int status) {
        if (!enabled) {
            return;
        }
        int index = status < 0 || status >= httpByStatus.length() ? 0 : status;
        LongAdder counter = httpByStatus.get(index);
        if (counter == null) {
            httpByStatus.compareAndSet(index, null, new LongAdder());
            counter = httpByStatus.get(index);
        }
        counter.increment();
    }

    /**
     * A chat request that has ended with this HTTP status; {@code usage} is {@code null} when it was refused before
     * reaching a provider, and {@code model} then {@code null} when it never named a valid one.
     */
    public void chat(String model, int status, UsageEvent usage) {
        if (!enabled) {
            return;
        }
        if (usage == null) {
            series(model == null ? NO_MODEL : model, NO_MODEL).request(status, 3);
            return;
        }
        ModelSeries series = series(usage.model(), usage.provider());
        series.request(status, outcome(usage.outcome()));
        series.duration.observe(usage.latencyMillis() / 1000.0);
        if (usage.firstTokenMillis() >= 0) {
            series.firstToken.observe(usage.firstTokenMillis() / 1000.0);
        }
        series.inputTokens.observe(usage.promptTokens());
        series.outputTokens.observe(usage.completionTokens());
        series.cost.add(usage.cost().doubleValue());
    }

    private static int outcome(String outcome) {
        return switch (outcome) {
            case "ok" -> 0;
            case "cancelled" -> 2;
            default -> 1;
        };
    }

    private ModelSeries series(String model, String provider) {
        Map<String, ModelSeries> byProvider = models.get(model);
        if (byProvider == null) {
            byProvider = models.computeIfAbsent(model, m -> new ConcurrentHashMap<>());
        }
        ModelSeries series = byProvider.get(provider);
        return series != null ? series : byProvider.computeIfAbsent(provider, p -> new ModelSeries(model, p));
    }

    void write(PrometheusText out) {
        MetricsFamilies.write(out, this);
    }

    Iterable<ModelSeries> series() {
        return models.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    Map<String, Map<String, LongAdder>> upstreamErrors() {
        return upstreamErrors;
    }

    AtomicReferenceArray<LongAdder> httpByStatus() {
        return httpByStatus;
    }

    Map<String, CircuitBreaker.State> breakerStates() {
        return breakers.get();
    }

    long[] refusals() {
        return new long[] {rateLimited.sum(), outOfCredits.sum(), otherRefusals.sum()};
    }
}
