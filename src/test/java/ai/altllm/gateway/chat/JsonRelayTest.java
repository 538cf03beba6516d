package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.chat.RelayFixture.FakeExchange;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.shutdown.Drain;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ConnectionCallback;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class JsonRelayTest {

    static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"up-model\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"a\\\":1}\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}";

    private final RelayFixture fixture = new RelayFixture();
    /** What the response was resumed with, in order; like Jersey, only the first resume takes. */
    private final List<Object> resumes = new CopyOnWriteArrayList<>();
    private volatile ConnectionCallback disconnect;

    @Test
    void aCompletedAnswerIsResumedAndSettledOnce() {
        JsonRelay.answer(fixture.call(), fixture.drain, response());
        FakeExchange exchange = fixture.exchange();
        exchange.listener.onData(COMPLETION);
        exchange.listener.onComplete();
        disconnect.onDisconnect(null);

        assertEquals(1, resumes.size(), resumes.toString());
        Response ok = assertInstanceOf(Response.class, resumes.get(0));
        assertEquals(200, ok.getStatus());
        assertTrue(ok.getEntity().toString().contains("\"model\":\"public-model\""), ok.getEntity().toString());
        assertEquals(List.of("ok"), fixture.outcomes());
        assertEquals(5, fixture.events.get(0).promptTokens());
        assertEquals(2, fixture.events.get(0).completionTokens());
        assertEquals(1, fixture.drain.closed.get());
        assertEquals(0, exchange.cancels.get());
    }

    @Test
    void aClientThatHangsUpCancelsTheExchangeAndSettlesOnceAsCancelled() {
        JsonRelay.answer(fixture.call(), fixture.drain, response());
        FakeExchange exchange = fixture.exchange();
        disconnect.onDisconnect(null);
        exchange.listener.onData(COMPLETION);

        assertEquals(1, exchange.cancels.get());
        assertEquals(List.of("cancelled"), fixture.outcomes());
        assertEquals(1, fixture.drain.closed.get());
        assertTrue(resumes.isEmpty(), resumes.toString());
    }

    @Test
    void anUpstreamFailureFailsOverThenAnswersWithTheLastError() {
        JsonRelay.answer(fixture.call(2, RelayFixture.REQUEST, null, false), fixture.drain, response());
        fixture.exchange().listener.onFailure(ErrorKind.BAD_GATEWAY.error("upstream_error", "first failed"));
        assertTrue(resumes.isEmpty(), "a failover is not an end");
        assertTrue(fixture.events.isEmpty());

        ApiException last = ErrorKind.BAD_GATEWAY.error("upstream_error", "second failed");
        fixture.upstreams.get(1).last().listener.onFailure(last);
        assertEquals(List.of(last), resumes);
        assertEquals(List.of("failed"), fixture.outcomes());
        assertEquals(1, fixture.drain.closed.get());
    }

    @Test
    void aMalformedAnswerIsA502() {
        JsonRelay.answer(fixture.call(), fixture.drain, response());
        fixture.exchange().listener.onData("{\"choices\":[]}");

        assertEquals("upstream_malformed", assertInstanceOf(ApiException.class, resumes.get(0)).code());
        assertEquals(1, resumes.size());
        assertEquals(List.of("failed"), fixture.outcomes());
    }

    @Test
    void anAnswerBreakingTheStrictSchemaIsBilledButNotShown() {
        JsonObject request = Json.createObjectBuilder(RelayFixture.REQUEST).add("response_format",
                Json.createObjectBuilder().add("type", "json_schema").add("json_schema", Json.createObjectBuilder()
                        .add("name", "n").add("strict", true).add("schema", Json.createObjectBuilder()
                                .add("type", "object").add("required", Json.createArrayBuilder().add("b")))))
                .build();
        JsonRelay.answer(fixture.call(1, request, null, false), fixture.drain, response());
        fixture.exchange().listener.onData(COMPLETION);

        ApiException error = assertInstanceOf(ApiException.class, resumes.get(0));
        assertEquals("invalid_upstream_output", error.code());
        assertEquals(List.of("failed"), fixture.outcomes());
        assertEquals(5, fixture.events.get(0).promptTokens(), "the provider's answer is billed");
        assertEquals(1, fixture.drain.closed.get());
    }

    @Test
    void aDrainCancelsTheExchangeAndAnswersShuttingDown() {
        JsonRelay relay = new JsonRelay(fixture.call(), fixture.drain, response());
        relay.start(false);
        relay.abort();
        fixture.exchange().listener.onData(COMPLETION);
        relay.abort();

        assertEquals(1, fixture.exchange().cancels.get());
        assertEquals(List.of(Drain.SHUTTING_DOWN), resumes);
        assertEquals(List.of("failed"), fixture.outcomes());
        assertEquals(1, fixture.drain.closed.get());
    }

    @Test
    void aDrainDuringABuiltinToolRoundCancelsTheNextRoundAsSoonAsItIsSent() {
        CompletableFuture<String> toolResult = new CompletableFuture<>();
        ToolLoop tools = new ToolLoop("web_search"::equals, (name, arguments) -> toolResult, 3, false, Runnable::run);
        JsonRelay relay = new JsonRelay(fixture.call(1, RelayFixture.REQUEST, tools, false), fixture.drain,
                response());
        relay.start(false);
        fixture.exchange().listener.onData("{\"id\":\"c1\",\"model\":\"up-model\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"t1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"web_search\",\"arguments\":\"{}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}");
        relay.abort();
        toolResult.complete("found");

        assertEquals(2, fixture.upstreams.get(0).sent.size());
        assertEquals(1, fixture.exchange().cancels.get(), "nobody waits for the next round's answer");
        assertEquals(List.of(Drain.SHUTTING_DOWN), resumes);
        assertEquals(List.of("failed"), fixture.outcomes());
    }

    @Test
    void aSendThatThrowsSettlesAsFailedAndLeavesTheResponseToTheException() {
        ChatCall call = fixture.call();
        IllegalStateException refused = new IllegalStateException("no connection");
        fixture.upstreams.get(0).refuse = refused;
        assertSame(refused, assertThrows(IllegalStateException.class,
                () -> JsonRelay.answer(call, fixture.drain, response())));

        assertEquals(List.of("failed"), fixture.outcomes());
        assertEquals(1, fixture.drain.closed.get());
        assertTrue(resumes.isEmpty(), resumes.toString());
        assertNull(disconnect);
    }

    @Test
    void twoEndsRacingOnTwoThreadsEndTheAnswerExactlyOnce() throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonRelayTest test = new JsonRelayTest();
            JsonRelay.answer(test.fixture.call(), test.fixture.drain, test.response());
            FakeExchange exchange = test.fixture.exchange();
            Runnable upstreamEnd = i % 2 == 0 ? () -> exchange.listener.onData(COMPLETION)
                    : () -> exchange.listener.onFailure(ErrorKind.BAD_GATEWAY.error("upstream_error", "failed"));
            Runnable otherEnd = i % 4 < 2 ? () -> test.disconnect.onDisconnect(null) : relayOf(test)::abort;
            StreamRelayTest.race(upstreamEnd, otherEnd);

            assertEquals(1, test.fixture.events.size(), test.fixture.outcomes().toString());
            assertEquals(1, test.fixture.drain.closed.get());
            assertTrue(test.resumes.size() <= 1, test.resumes.toString());
            assertEquals(test.fixture.outcomes().equals(List.of("cancelled")) ? 0 : 1, test.resumes.size(),
                    test.fixture.outcomes() + " " + test.resumes);
        }
    }

    /** The relay behind the exchange, as the upstream and the drain see it. */
    private static JsonRelay relayOf(JsonRelayTest test) {
        return (JsonRelay) test.fixture.exchange().listener;
    }

    private AsyncResponse response() {
        return (AsyncResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AsyncResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "resume" -> {
                        resumes.add(args[0]);
                        yield resumes.size() == 1;
                    }
                    case "register" -> {
                        disconnect = (ConnectionCallback) args[0];
                        yield List.of();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
