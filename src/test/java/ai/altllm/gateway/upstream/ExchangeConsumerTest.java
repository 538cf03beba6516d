package ai.altllm.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.config.Timeouts;
import ai.altllm.gateway.errors.ApiException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.junit.jupiter.api.Test;

class ExchangeConsumerTest {

    private final List<String> data = new ArrayList<>();
    private final List<ApiException> failures = new ArrayList<>();
    private int completions;

    private final UpstreamListener listener = new UpstreamListener() {
        @Override
        public void onData(String event) {
            data.add(event);
        }

        @Override
        public void onComplete() {
            completions++;
        }

        @Override
        public void onFailure(ApiException failure) {
            failures.add(failure);
        }

        @Override
        public boolean ready() {
            return ready;
        }
    };

    private volatile boolean ready = true;

    private static void start(ExchangeConsumer consumer, BasicHttpResponse response, ContentType type) {
        consumer.consumeResponse(response, new BasicEntityDetails(-1, type), null, new FutureCallback<>() {
            @Override
            public void completed(Void result) {
            }

            @Override
            public void failed(Exception ex) {
            }

            @Override
            public void cancelled() {
            }
        });
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void streamsEventsAsTheyArriveThenCompletesOnce() throws Exception {
        ExchangeConsumer consumer = new ExchangeConsumer(true, Timeouts.DEFAULTS, listener);
        start(consumer, new BasicHttpResponse(200), ContentType.create("text/event-stream"));
        consumer.consume(bytes("data: {\"a\":1}\n\ndata: [DO"));
        assertEquals(List.of("{\"a\":1}"), data);
        consumer.consume(bytes("NE]\n\n"));
        consumer.streamEnd(List.of());
        consumer.failed(new IOException("late"));
        assertEquals(List.of("{\"a\":1}", "[DONE]"), data);
        assertEquals(1, completions);
        assertEquals(List.of(), failures, "one terminal call only");
    }

    @Test
    void anErrorStatusBecomesOneFailureWithTheUpstreamMessage() throws Exception {
        ExchangeConsumer consumer = new ExchangeConsumer(true, Timeouts.DEFAULTS, listener);
        start(consumer, new BasicHttpResponse(429), ContentType.APPLICATION_JSON);
        consumer.consume(bytes("{\"error\":{\"message\":\"slow down\"}}"));
        consumer.streamEnd(List.of());
        assertEquals(429, failures.get(0).status());
        assertEquals("slow down", failures.get(0).getMessage());
        assertEquals(List.of(), data);
    }

    @Test
    void aStreamRequestAnsweredWithoutAnEventStreamIsMalformed() throws Exception {
        ExchangeConsumer consumer = new ExchangeConsumer(true, Timeouts.DEFAULTS, listener);
        start(consumer, new BasicHttpResponse(200), ContentType.APPLICATION_JSON);
        consumer.consume(bytes("{}"));
        consumer.streamEnd(List.of());
        assertEquals("upstream_malformed", failures.get(0).code());
    }

    @Test
    void firstByteThenIdleDeadlinesFailWith504() throws Exception {
        ExchangeConsumer waiting = new ExchangeConsumer(true, new Timeouts(1000, 30, 5000, 60_000), listener);
        assertTrue(waiting.checkDeadlines() > 0);
        Thread.sleep(60);
        assertEquals(0, waiting.checkDeadlines());
        assertEquals(504, failures.get(0).status());
        assertTrue(failures.get(0).getMessage().contains("first byte"), failures.get(0).getMessage());

        ExchangeConsumer silent = new ExchangeConsumer(true, new Timeouts(1000, 5000, 30, 60_000), listener);
        start(silent, new BasicHttpResponse(200), ContentType.create("text/event-stream"));
        Thread.sleep(60);
        assertEquals(0, silent.checkDeadlines());
        assertTrue(failures.get(1).getMessage().contains("idle"), failures.get(1).getMessage());
    }

    @Test
    void anAbandonedExchangeRefusesFurtherDataSoTheConnectionIsDropped() throws Exception {
        ExchangeConsumer consumer = new ExchangeConsumer(true, Timeouts.DEFAULTS, listener);
        start(consumer, new BasicHttpResponse(200), ContentType.create("text/event-stream"));
        consumer.abandon();
        assertThrows(IOException.class, () -> consumer.consume(bytes("data: x\n\n")));
        assertEquals(List.of(), data);
        assertEquals(List.of(), failures);
    }

    @Test
    void readingPausesWhileTheListenerIsNotReadyAndResumesOnce() throws Exception {
        ExchangeConsumer consumer = new ExchangeConsumer(true, new Timeouts(1000, 5000, 30, 60_000), listener);
        start(consumer, new BasicHttpResponse(200), ContentType.create("text/event-stream"));
        AtomicInteger granted = new AtomicInteger();
        CapacityChannel channel = granted::addAndGet;
        consumer.updateCapacity(channel);
        assertTrue(granted.get() > 0, "a ready listener gets the next window at once");

        ready = false;
        granted.set(0);
        consumer.updateCapacity(channel);
        assertEquals(0, granted.get(), "no window while the client is behind");
        ready = true;
        consumer.resume();
        consumer.resume();
        assertTrue(granted.get() > 0);
        int once = granted.get();
        consumer.resume();
        assertEquals(once, granted.get(), "one window per pause");
        assertEquals(List.of(), failures);

        ready = false;
        consumer.updateCapacity(channel);
        Thread.sleep(60);
        assertEquals(0, consumer.checkDeadlines());
        assertEquals("client_stalled", failures.get(0).code(), "paused longer than the idle limit: the client is gone");
    }
}
