package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.chat.RelayFixture.FakeExchange;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamRelayTest {

    static final String CHUNK = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"up-model\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}";
    static final String USAGE = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"up-model\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}";

    private final RelayFixture fixture = new RelayFixture();
    /** Frames as the client got them: the data, prefixed with {@code name:} for a named event. */
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final AtomicInteger sinkCloses = new AtomicInteger();
    private volatile boolean clientLeft;

    @Test
    void aCompletedStreamSettlesOnceWithTheFinalUsageAndClosesOnce() {
        StreamRelay relay = started(fixture.call());
        assertEquals(1, fixture.drain.activeStreams());
        FakeExchange exchange = fixture.exchange();
        exchange.listener.onData(CHUNK);
        exchange.listener.onData(USAGE);
        exchange.listener.onComplete();
        exchange.listener.onComplete();
        relay.abort();

        assertEquals(2, frames.size(), frames.toString());
        JsonObject first = json(frames.get(0));
        assertEquals("public-model", first.getString("model"));
        assertEquals("assistant", first.getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getString("role"));
        assertEquals("[DONE]", frames.get(1));
        assertEquals(List.of("ok"), fixture.outcomes());
        assertEquals(7, fixture.events.get(0).promptTokens());
        assertEquals(3, fixture.events.get(0).completionTokens());
        assertEquals(1, sinkCloses.get());
        assertEquals(1, fixture.drain.closed.get());
        assertEquals(0, fixture.drain.activeStreams());
        assertEquals(0, exchange.cancels.get(), "a finished exchange is left to end by itself");
    }

    @Test
    void aClientThatLeavesCancelsTheExchangeAndSettlesOnceAsCancelled() {
        started(fixture.call());
        FakeExchange exchange = fixture.exchange();
        exchange.listener.onData(CHUNK);
        clientLeft = true;
        exchange.listener.onData(CHUNK);
        exchange.listener.onData(CHUNK);
        exchange.listener.onComplete();

        assertEquals(1, exchange.cancels.get());
        assertEquals(List.of("cancelled"), fixture.outcomes());
        assertTrue(fixture.events.get(0).estimated(), "no usage arrived, so it is estimated from what was relayed");
        assertEquals(1, sinkCloses.get());
        assertEquals(1, fixture.drain.closed.get());
        assertEquals(1, frames.size(), "nothing is written once the client is gone: " + frames);
    }

    @Test
    void anUpstreamErrorBeforeTheFirstChunkFailsOverWithNothingShown() {
        started(fixture.call(2, RelayFixture.REQUEST, null, false));
        FakeExchange failed = fixture.exchange();
        failed.listener.onFailure(ErrorKind.BAD_GATEWAY.error("upstream_error", "The provider failed"));
        assertEquals(1, failed.cancels.get());
        assertTrue(frames.isEmpty(), frames.toString());
        assertTrue(fixture.events.isEmpty(), "a failover is not an end");

        FakeExchange second = fixture.upstreams.get(1).last();
        second.listener.onData(CHUNK);
        second.listener.onComplete();
        assertEquals(2, frames.size(), frames.toString());
        assertEquals("[DONE]", frames.get(1));
        assertEquals(List.of("ok"), fixture.outcomes());
        assertEquals(1, sinkCloses.get());
        assertEquals(1, fixture.drain.closed.get());
    }

    @Test
    void anUpstreamErrorWithNoDeploymentLeftEndsWithAnErrorFrame() {
        started(fixture.call());
        fixture.exchange().listener.onFailure(
                ErrorKind.GATEWAY_TIMEOUT.error("upstream_timeout", "The provider timed out"));

        assertEquals(2, frames.size(), frames.toString());
        assertTrue(frames.get(0).startsWith("error:"), frames.get(0));
        JsonObject error = json(frames.get(0).substring("error:".length())).getJsonObject("error");
        assertEquals("upstream_timeout", error.getString("code"));
        assertEquals("[DONE]", frames.get(1));
        assertEquals(List.of("failed"), fixture.outcomes());
        assertEquals(1, sinkCloses.get());
        assertEquals(1, fixture.drain.closed.get());
    }

    @Test
    void anUpstreamErrorAfterTheFirstChunkEndsTheStreamWithoutFailover() {
        started(fixture.call(2, RelayFixture.REQUEST, null, false));
        FakeExchange exchange = fixture.exchange();
        exchange.listener.onData(CHUNK);
        exchange.listener.onData("not json");

        assertEquals(1, exchange.cancels.get());
        assertTrue(fixture.upstreams.get(1).sent.isEmpty(), "the client already has part of the answer");
        assertEquals(3, frames.size(), frames.toString());
        assertTrue(frames.get(1).startsWith("error:"), frames.get(1));
        assertEquals("[DONE]", frames.get(2));
        assertEquals(List.of("failed"), fixture.outcomes());
        assertEquals(1, sinkCloses.get());
    }

    @Test
    void aDrainDuringTheStreamCancelsSendsShuttingDownAndIgnoresTheRest() {
        StreamRelay relay = started(fixture.call());
        FakeExchange exchange = fixture.exchange();
        exchange.listener.onData(CHUNK);
        relay.abort();
        exchange.listener.onData(CHUNK);
        exchange.listener.onComplete();
        relay.abort();

        assertEquals(1, exchange.cancels.get());
        assertEquals(3, frames.size(), frames.toString());
        assertEquals("shutting_down", json(frames.get(1).substring("error:".length())).getJsonObject("error")
                .getString("code"));
        assertEquals("[DONE]", frames.get(2));
        assertEquals(List.of("failed"), fixture.outcomes());
        assertEquals(1, sinkCloses.get());
        assertEquals(1, fixture.drain.closed.get());
        assertEquals(0, fixture.drain.activeStreams());
    }

    @Test
    void aSendThatThrowsSettlesAsFailedAndLeavesTheResponseToTheException() {
        ChatCall call = fixture.call();
        IllegalStateException refused = new IllegalStateException("no connection");
        fixture.upstreams.get(0).refuse = refused;
        StreamRelay relay = new StreamRelay(call, fixture.drain, sink(), sse(), Runnable::run);
        assertSame(refused, assertThrows(IllegalStateException.class, () -> relay.start(true)));

        assertEquals(List.of("failed"), fixture.outcomes());
        assertEquals(1, fixture.drain.closed.get());
        assertEquals(0, sinkCloses.get(), "closing the sink would commit a 200");
        assertTrue(frames.isEmpty(), frames.toString());
    }

    @Test
    void twoEndsRacingOnTwoThreadsEndTheStreamExactlyOnce() throws Exception {
        for (int i = 0; i < 200; i++) {
            StreamRelayTest test = new StreamRelayTest();
            StreamRelay relay = test.started(test.fixture.call());
            FakeExchange exchange = test.fixture.exchange();
            exchange.listener.onData(CHUNK);
            race(i % 2 == 0 ? exchange.listener::onComplete
                    : () -> exchange.listener.onFailure(ErrorKind.BAD_GATEWAY.error("upstream_error", "failed")),
                    relay::abort);

            assertEquals(1, test.fixture.events.size(), test.fixture.outcomes().toString());
            assertEquals(1, test.sinkCloses.get());
            assertEquals(1, test.fixture.drain.closed.get());
            assertEquals(1, test.frames.stream().filter("[DONE]"::equals).count(), test.frames.toString());
            assertEquals("[DONE]", test.frames.get(test.frames.size() - 1));
        }
    }

    /** Runs both at once on two threads and waits for both. */
    static void race(Runnable one, Runnable other) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        for (Runnable end : List.of(one, other)) {
            new Thread(() -> {
                try {
                    go.await();
                    end.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        go.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
    }

    private StreamRelay started(ChatCall call) {
        // Frames are written on the caller's thread, so each assertion sees every write before it.
        StreamRelay relay = new StreamRelay(call, fixture.drain, sink(), sse(), Runnable::run);
        relay.start(true);
        return relay;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private SseEventSink sink() {
        return (SseEventSink) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SseEventSink.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "send" -> {
                        if (clientLeft) {
                            yield CompletableFuture.failedFuture(new IOException("Connection is closed"));
                        }
                        OutboundSseEvent event = (OutboundSseEvent) args[0];
                        frames.add((event.getName() == null ? "" : event.getName() + ":") + event.getData());
                        yield CompletableFuture.completedFuture(null);
                    }
                    case "close" -> {
                        sinkCloses.incrementAndGet();
                        yield null;
                    }
                    case "isClosed" -> sinkCloses.get() > 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Sse sse() {
        return (Sse) Proxy.newProxyInstance(StreamRelayTest.class.getClassLoader(), new Class<?>[] {Sse.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("newEvent")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String name = args.length == 2 ? (String) args[0] : null;
                    Object data = args[args.length - 1];
                    return Proxy.newProxyInstance(StreamRelayTest.class.getClassLoader(),
                            new Class<?>[] {OutboundSseEvent.class}, (p, m, a) -> switch (m.getName()) {
                                case "getName" -> name;
                                case "getData" -> data;
                                default -> throw new UnsupportedOperationException(m.getName());
                            });
                });
    }
}
