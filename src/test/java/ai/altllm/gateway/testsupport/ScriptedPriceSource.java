package ai.altllm.gateway.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A scripted CoinGecko-compatible market-data API on 127.0.0.1 for tests: answers by path and query from a table
 * the test fills, can be switched to failing, and records every request it saw (URL and key header).
 */
public final class ScriptedPriceSource implements AutoCloseable {

    /** How the source answers while scripted to misbehave. */
    public enum Mode {
        ANSWER, HTTP_503, STALL
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ANSWER;

    private ScriptedPriceSource() {
    }

    public static ScriptedPriceSource start(int port) {
        ScriptedPriceSource source = new ScriptedPriceSource();
        source.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                source.seen.add(request);
                return source.answer(request);
            }
        });
        try {
            source.server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new IllegalStateException("scripted price source could not bind 127.0.0.1:" + port, e);
        }
        return source;
    }

    /** Answers {@code json} to a GET of exactly this path and query, e.g. {@code /api/v3/search?query=btc}. */
    public void answer(String pathAndQuery, String json) {
        answers.put(pathAndQuery, json);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Path and query of every request so far, in order. */
    public List<String> requests() {
        return seen.stream().map(RecordedRequest::getTarget).toList();
    }

    public String keyHeaderOfLastRequest(String name) {
        return seen.isEmpty() ? null : seen.get(seen.size() - 1).getHeaders().get(name);
    }

    private MockResponse answer(RecordedRequest request) {
        switch (mode) {
            case HTTP_503 -> {
                return new MockResponse.Builder().code(503).body("{\"error\":\"maintenance\"}").build();
            }
            case STALL -> {
                return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
            }
            default -> {
                String json = answers.get(request.getTarget());
                return json == null
                        ? new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                                .body("{\"error\":\"not scripted: " + request.getTarget() + "\"}").build()
                        : new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                                .body(json).build();
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
