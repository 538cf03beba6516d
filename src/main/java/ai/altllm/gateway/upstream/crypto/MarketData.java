package ai.altllm.gateway.upstream.crypto;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.ToolsConfig.CryptoSource;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.upstream.HttpTransport;
import ai.altllm.gateway.upstream.UpstreamListener;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured CoinGecko-compatible API ({@code tools.crypto}): {@code GET base_url/path?query} answered as JSON.
 * Equal queries within the cache TTL share one call (in flight or done); failures are not cached.
 */
@ApplicationScoped
public class MarketData {

    private static final int MAX_CACHED = 2_000;

    @Inject
    HttpTransport transport;

    @Inject
    Configuration configuration;

    /** The source in force and its rate limit, swapped together on reload; null when none is configured. */
    private volatile Live live;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Live(CryptoSource source, TokenBucket bucket) {
    }

    private record Cached(long expiresNanos, CompletableFuture<JsonValue> answer) {
    }

    @PostConstruct
    void configure() {
        CryptoSource source = configuration.get().tools().crypto().orElse(null);
        Live old = live;
        // The same rate keeps its bucket, so a reload cannot be used to exceed it.
        TokenBucket bucket = source == null ? null : old != null
                && old.source().requestsPerMinute() == source.requestsPerMinute() ? old.bucket()
                : new TokenBucket(source.requestsPerMinute(), System::nanoTime);
        live = source == null ? null : new Live(source, bucket);
        cache.clear();
    }

    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) ConfigReload reload) {
        configure();
    }

    public boolean isConfigured() {
        return live != null;
    }

    /** The answer's JSON, or a failure whose message says what went wrong in words a model can relay. */
    public CompletionStage<JsonValue> get(String path, Map<String, String> query) {
        Live current = live;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no market-data source is configured"));
        }
        CryptoSource source = current.source();
        String url = url(source, path, query);
        long now = System.nanoTime();
        Cached hit = cache.get(url);
        if (hit != null && hit.expiresNanos() - now > 0 && !hit.answer().isCompletedExceptionally()) {
            return hit.answer();
        }
        if (!current.bucket().tryTake()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the market-data source's rate limit is reached; try again in a minute"));
        }
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> c.expiresNanos() - now <= 0);
            if (cache.size() >= MAX_CACHED) {
                cache.clear(); // Only under a flood of distinct queries: forgetting is cheaper than tracking age.
            }
        }
        CompletableFuture<JsonValue> answer = new CompletableFuture<>();
        cache.put(url, new Cached(now + source.cacheTtlMs() * 1_000_000, answer));
        answer.whenComplete((value, failure) -> {
            if (failure != null) {
                cache.remove(url);
            }
        });
        transport.getJson(URI.create(url), source.apiKeyHeader(), source.apiKey().value().orElse(null),
                source.timeouts(), new Listener(answer));
        return answer;
    }

    private static String url(CryptoSource source, String path, Map<String, String> query) {
        String base = source.baseUrl().toString();
        StringBuilder url = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .append(path);
        char separator = '?';
        for (var entry : new TreeMap<>(query).entrySet()) {
            url.append(separator).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** Completes the future with the parsed body, or with why there is none. */
    private record Listener(CompletableFuture<JsonValue> answer) implements UpstreamListener {

        @Override
        public void onData(String data) {
            try (JsonReader reader = JSON.createReader(new StringReader(data))) {
                answer.complete(reader.readValue());
            } catch (RuntimeException e) {
                answer.completeExceptionally(new IllegalStateException("the market-data source sent invalid JSON"));
            }
        }

        @Override
        public void onComplete() {
            answer.completeExceptionally(new IllegalStateException("the market-data source sent no answer"));
        }

        @Override
        public void onFailure(ApiException failure) {
            String code = failure.code() == null ? "" : failure.code();
            String reason = failure.status() == 504 ? "did not answer in time"
                    : code.equals("upstream_unreachable") || code.equals("upstream_connection_failed")
                            ? "could not be reached"
                    : failure.status() == 429 ? "is rate-limiting the gateway; try again in a minute"
                    : failure.status() >= 500 ? "is failing; try again later"
                    : "refused the request (HTTP " + failure.status() + ")";
            answer.completeExceptionally(new IllegalStateException("the market-data source " + reason));
        }
    }
}
