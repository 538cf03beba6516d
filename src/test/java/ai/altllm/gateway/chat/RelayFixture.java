package ai.altllm.gateway.chat;

import ai.altllm.gateway.config.Deployment;
import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.config.ProviderConfig;
import ai.altllm.gateway.config.ProviderType;
import ai.altllm.gateway.config.Secret;
import ai.altllm.gateway.config.Timeouts;
import ai.altllm.gateway.metrics.Metrics;
import ai.altllm.gateway.routing.Router;
import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.shutdown.InFlight;
import ai.altllm.gateway.upstream.ChatUpstream;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.UpstreamListener;
import ai.altllm.gateway.usage.UsageEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat call on fake upstreams, with the usage events and drain calls it makes recorded; no server, no network. */
final class RelayFixture {

    static final ModelConfig MODEL = new ModelConfig("public-model", "p1", "up-model", Set.of(),
            Json.createObjectBuilder().add("pricing", Json.createObjectBuilder().add("prompt", "0.000001")
                    .add("completion", "0.000002")).build());
    static final JsonObject REQUEST = Json.createObjectBuilder().add("messages", Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("role", "user").add("content", "hi"))).build();

    final List<UsageEvent> events = new CopyOnWriteArrayList<>();
    final CountingDrain drain = new CountingDrain();
    final Settlement settlement = new Settlement("req_1", "key_1", "acct_1", MODEL, 25, events::add);
    /** One per deployment, in the order they are tried. */
    final List<FakeUpstream> upstreams = new ArrayList<>();

    /** A call with one deployment per upstream; with two or more, failures fail over as in production. */
    ChatCall call(int deployments, JsonObject request, ToolLoop tools, boolean includeUsage) {
        List<ChatCall.Attempt> attempts = new ArrayList<>();
        for (int i = 1; i <= deployments; i++) {
            FakeUpstream upstream = new FakeUpstream();
            upstreams.add(upstream);
            ProviderConfig provider = new ProviderConfig("p" + i, ProviderType.OPENROUTER,
                    URI.create("http://127.0.0.1:9"), Secret.of("k"), Timeouts.DEFAULTS);
            attempts.add(new ChatCall.Attempt(new Deployment("p" + i, "up-model", 1), provider, upstream));
        }
        Router router = deployments > 1 ? new Router(3, Duration.ofSeconds(30), new Random(1), System::nanoTime)
                : null;
        return new ChatCall(router, attempts, request, tools, Chunks.quoted(MODEL.id()), includeUsage, settlement,
                new Metrics());
    }

    ChatCall call() {
        return call(1, REQUEST, null, false);
    }

    /** The exchange most recently sent to the first deployment. */
    FakeExchange exchange() {
        return upstreams.get(0).last();
    }

    List<String> outcomes() {
        return events.stream().map(UsageEvent::outcome).toList();
    }

    /** An upstream exchange driven by the test: it calls the listener itself and counts cancels. */
    static final class FakeExchange implements Exchange {

        final UpstreamListener listener;
        final String body;
        final AtomicInteger cancels = new AtomicInteger();

        FakeExchange(UpstreamListener listener, String body) {
            this.listener = listener;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }
    }

    /** Records every exchange sent; a set failure is thrown from {@code send} instead. */
    static final class FakeUpstream implements ChatUpstream {

        final List<FakeExchange> sent = new CopyOnWriteArrayList<>();
        volatile RuntimeException refuse;

        @Override
        public boolean speaks(ProviderType type) {
            return true;
        }

        @Override
        public Exchange send(ProviderConfig provider, byte[] body, boolean stream, UpstreamListener listener) {
            if (refuse != null) {
                throw refuse;
            }
            FakeExchange exchange = new FakeExchange(listener, new String(body, StandardCharsets.UTF_8));
            sent.add(exchange);
            return exchange;
        }

        FakeExchange last() {
            return sent.get(sent.size() - 1);
        }
    }

    /** The real drain's bookkeeping, plus a count of each request's {@code opened} and {@code closed}. */
    static final class CountingDrain extends Drain {

        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void opened(InFlight request) {
            opened.incrementAndGet();
            super.opened(request);
        }

        @Override
        public void closed(InFlight request) {
            closed.incrementAndGet();
            super.closed(request);
        }
    }
}
