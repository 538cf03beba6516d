package ai.altllm.gateway.upstream;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.GatewayConfig;
import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.Timeouts;
import ai.altllm.gateway.config.UpstreamPool;
import ai.altllm.gateway.errors.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The one shared non-blocking HTTP client for all upstream calls: pooled, never following redirects (a redirect
 * could carry the provider key elsewhere), with per-provider timeouts and a single timer thread for all deadlines.
 */
@ApplicationScoped
public class HttpTransport {

    private static final Logger LOG = System.getLogger(HttpTransport.class.getName());

    @Inject
    Configuration configuration;

    private CloseableHttpAsyncClient client;
    private PoolingAsyncClientConnectionManager connections;
    private ScheduledThreadPoolExecutor timer;
    /** Connect timeout by provider host, replaced on reload; read by each new connection. */
    private volatile Map<String, Timeout> connectByHost = Map.of();

    @PostConstruct
    void start() {
        Timeout fallback = Timeout.ofMilliseconds(Timeouts.DEFAULTS.connectMs());
        connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setConnectionConfigResolver(route -> ConnectionConfig.custom().setConnectTimeout(
                        connectByHost.getOrDefault(route.getTargetHost().getHostName(), fallback)).build())
                .build();
        configure(configuration.get());
        client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(2, Runtime.getRuntime().availableProcessors())).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("AltLLM-Gateway")
                .build();
        client.start();
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "altllm-upstream-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Pool limits and connect timeouts follow the configuration; other timeouts, URLs and keys are read per request.
     * Pooled connections stay, as each is bound to one host.
     */
    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) ConfigReload reload) {
        configure(reload.config());
    }

    private void configure(GatewayConfig config) {
        Map<String, Timeout> byHost = new HashMap<>();
        for (ProviderConfig p : config.providers().values()) {
            byHost.merge(p.baseUrl().getHost(), Timeout.ofMilliseconds(p.timeouts().connectMs()),
                    (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        connectByHost = Map.copyOf(byHost);
        UpstreamPool pool = config.upstreamPool();
        connections.setMaxTotal(pool.maxConnections());
        connections.setDefaultMaxPerRoute(pool.maxConnectionsPerHost());
    }

    /** POSTs a JSON body with a bearer key; the answer flows to the listener, never blocking the caller. */
    public Exchange postJson(URI uri, String bearerKey, byte[] body, Timeouts timeouts, boolean stream,
            UpstreamListener listener) {
        return send("POST", uri, bearerKey, body, timeouts, stream, listener);
    }

    /**
     * Sends one non-streamed JSON request ({@code body} may be null, e.g. for GET) and completes with the body of a
     * 2xx answer, or exceptionally with the {@link ai.altllm.gateway.errors.ApiException} the client should see.
     */
    public CompletableFuture<String> json(String method, URI uri, String bearerKey, byte[] body, Timeouts timeouts) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        send(method, uri, bearerKey, body, timeouts, false, new UpstreamListener() {
            @Override
            public void onData(String data) {
                text.append(data);
            }

            @Override
            public void onComplete() {
                answer.complete(text.toString());
            }

            @Override
            public void onFailure(ApiException failure) {
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    private Exchange send(String method, URI uri, String bearerKey, byte[] body, Timeouts timeouts, boolean stream,
            UpstreamListener listener) {
        SimpleHttpRequest request = SimpleHttpRequest.create(method, uri);
        request.setHeader("Authorization", "Bearer " + bearerKey);
        request.setHeader("Accept", stream ? "text/event-stream" : "application/json");
        if (body != null) {
            request.setBody(body, ContentType.APPLICATION_JSON);
        }
        return execute(request, timeouts, stream, listener);
    }

    /**
     * GETs a JSON document, with an optional credential header (name and value, or nulls); the body or the failure
     * flows to the listener, never blocking the caller.
     */
    public Exchange getJson(URI uri, String keyHeader, String key, Timeouts timeouts, UpstreamListener listener) {
        SimpleHttpRequest request = SimpleHttpRequest.create("GET", uri);
        request.setHeader("Accept", "application/json");
        if (keyHeader != null && key != null) {
            request.setHeader(keyHeader, key);
        }
        return execute(request, timeouts, false, listener);
    }

    private Exchange execute(SimpleHttpRequest request, Timeouts timeouts, boolean stream,
            UpstreamListener listener) {
        ExchangeConsumer consumer = new ExchangeConsumer(stream, timeouts, listener);
        Future<Void> future = client.execute(SimpleRequestProducer.create(request), consumer, null,
                context(timeouts), new FutureCallback<>() {
                    @Override
                    public void completed(Void result) {
                        // The consumer has already told the listener.
                    }

                    @Override
                    public void failed(Exception e) {
                        consumer.fail(UpstreamErrors.transport(e));
                    }

                    @Override
                    public void cancelled() {
                        // Only the gateway cancels, and it has already abandoned the consumer.
                    }
                });
        watch(consumer, future);
        return new Exchange() {
            @Override
            public void cancel() {
                consumer.abandon();
                future.cancel(true);
            }

            @Override
            public void resume() {
                consumer.resume();
            }
        };
    }

    /**
     * GETs a binary body (a video) into the sink with back-pressure. The key is sent only when given: a provider's
     * signed storage URL must never receive the provider key. Silence longer than the provider's first-byte or idle
     * timeout fails the download; its total length is not limited, since a large video may take long to pass on.
     */
    public Download download(URI uri, String bearerKeyOrNull, Timeouts timeouts, ByteSink sink) {
        SimpleHttpRequest request = SimpleHttpRequest.create("GET", uri);
        if (bearerKeyOrNull != null) {
            request.setHeader("Authorization", "Bearer " + bearerKeyOrNull);
        }
        ByteRelay relay = new ByteRelay(sink);
        Future<Void> future = client.execute(SimpleRequestProducer.create(request), relay, null, context(timeouts),
                null);
        return new Download() {
            @Override
            public void resume() {
                relay.resume();
            }

            @Override
            public void cancel() {
                relay.abandon();
                future.cancel(true);
            }
        };
    }

    private static HttpClientContext context(Timeouts timeouts) {
        HttpClientContext context = HttpClientContext.create();
        // The socket timeout is a backstop that also frees the connection of an abandoned, silent exchange; the
        // deadline checks tell first byte, idle and total apart.
        long silence = Math.max(timeouts.firstByteMs(), timeouts.idleMs()) + 1000;
        context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(silence)).build());
        return context;
    }

    private void watch(ExchangeConsumer consumer, Future<Void> future) {
        if (consumer.isDone()) {
            return;
        }
        long delay = consumer.checkDeadlines();
        if (delay <= 0) {
            consumer.abandon();
            future.cancel(true);
            return;
        }
        consumer.watchedBy(timer.schedule(() -> watch(consumer, future), delay, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        try {
            timer.shutdownNow();
            client.close(CloseMode.GRACEFUL);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Upstream HTTP client did not close cleanly", e);
        }
    }
}
